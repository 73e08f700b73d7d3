/**
 * The review record as PDF (pdfkit), with a Noto CJK font embedded (subset) so the Chinese
 * text prints everywhere: heading, contract, lines, every department's verdict with reviewer
 * and time, the checklist a–i, measures, signature and revisions.
 */
import PDFDocument from 'pdfkit';
import type { ReviewRecord } from './review-record';

export const CJK_FONT = {
  path: process.env.CJK_FONT_PATH ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  family: process.env.CJK_FONT_FAMILY ?? 'NotoSansCJKsc-Regular',
};

const ITEMS: Record<string, string> = {
  a: 'a 采购、生产能力要求明确并能满足',
  b: 'b 价格明确并可接受',
  c: 'c 结构、外观、功能、材料要求明确并能满足',
  d: 'd 交付方式和地点明确',
  e: 'e 包装要求明确并能满足',
  f: 'f 运输方式和费用明确',
  g: 'g 新产品制造可行性（含风险分析）',
  h: 'h 各项条款符合国家法律法规',
  i: 'i 其他条款明确',
};

const VERDICT: Record<string, string> = {
  accept: '接受 accept',
  'accept-with-measures': '有条件接受 accept with measures',
  reject: '不接受 reject',
  'not-applicable': '不适用 n/a',
};

export function reviewRecordTitle(record: ReviewRecord): string {
  return record.contract.class === 'regular' ? '订单评审记录表' : '合同评审记录表';
}

export function renderReviewRecordPdf(record: ReviewRecord, timeZone: string): Promise<Buffer> {
  const { contract: c, reviewers } = record;
  const at = (iso: string | null | undefined) =>
    iso
      ? new Intl.DateTimeFormat('zh-CN', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
          Date.parse(iso),
        )
      : '—';
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `${reviewRecordTitle(record)} ${c.contractNo}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(CJK_FONT.path, CJK_FONT.family);
  const heading = (text: string) =>
    doc.moveDown(0.6).fontSize(12).text(text, { underline: true }).fontSize(9.5);
  const line = (text: string) => doc.text(text);

  doc.fontSize(18).text(reviewRecordTitle(record), { align: 'center' });
  doc
    .fontSize(10)
    .text(c.class === 'regular' ? 'Order review record' : 'Contract review record', { align: 'center' });
  doc.moveDown().fontSize(9.5);
  line(`合同编号 Contract No.: ${c.contractNo}    修订 Revision: ${c.revision}    状态 Status: ${c.status}`);
  line(`顾客 Customer: ${c.customerId}    来源 Channel: ${c.channel} / ${c.documentType}`);
  line(
    `合同类型 Class: ${c.class === 'regular' ? '常规合同 regular' : '非常规合同 non-regular'}${c.classOverrideReason ? `（${c.classOverrideReason}）` : ''}`,
  );
  line(`评审部门 Reviewers: ${c.reviewers.join(', ') || '—'}    评审方式 Mode: ${c.reviewMode ?? '—'}`);
  line(
    `交付 Delivery: ${c.delivery ? `${c.delivery.method}, ${c.delivery.place}, ${c.delivery.packaging}, ${c.delivery.transport}` : '—'}`,
  );
  line(`付款条件 Payment terms: ${c.paymentTerms}`);
  if (c.telephoneMemo)
    line(
      `电话纪要 Telephone memo: ${c.telephoneMemo.memoText ?? '—'}（${c.telephoneMemo.customerContact ?? '—'}）`,
    );
  if (c.specialRequirements.length)
    line(
      `特殊要求 Special requirements: ${c.specialRequirements.map((r) => `${r.text}${r.symbol ? ` [${r.symbol}]` : ''}`).join('; ')}`,
    );

  heading('产品明细 Lines');
  for (const l of c.lines)
    line(
      `${l.lineNo}. ${l.partNo} × ${l.quantity}  ${l.unitPrice} ${l.currency}  要求 ${l.requestedDate}  承诺 ${l.committedDate}  已交 ${l.deliveredQty}`,
    );

  heading('部门评审 Department reviews');
  if (!c.reviews.length) line('—');
  for (const r of c.reviews) {
    const who = reviewers.get(r.id);
    line(
      `【${r.department}】 ${VERDICT[r.verdict] ?? r.verdict}   评审人 Reviewer: ${who?.user ?? '—'}   时间 Time: ${at(who?.at)}   (rev ${r.revision})`,
    );
    if (r.comments) line(`    意见 Comments: ${r.comments}`);
  }

  heading('评审项目 Checklist a–i');
  for (const [item, label] of Object.entries(ITEMS)) {
    const verdicts = c.reviews
      .filter((r) => r.checklist[item] && r.checklist[item] !== 'not-applicable')
      .map((r) => `${r.department}: ${VERDICT[r.checklist[item]] ?? r.checklist[item]}`);
    line(`${label} — ${verdicts.join('; ') || '不适用 n/a'}`);
  }

  heading('措施 Measures');
  if (!c.measures.length) line('—');
  for (const m of c.measures)
    line(
      `${m.department}: ${m.description}  责任人 ${m.owner}  期限 ${m.dueDate}  ${m.status === 'done' ? `已完成 ${at(m.completedAt)}` : '未完成 open'}`,
    );

  heading('签署 Signature');
  const signature = c.milestones.signature as
    { signatory?: string; signedOn?: string; revision?: number } | undefined;
  line(
    signature
      ? `签字 Signed by: ${signature.signatory ?? '—'}   日期 Date: ${signature.signedOn ?? '—'}   (rev ${signature.revision ?? c.revision})`
      : '未签署 not signed',
  );

  heading('修订 Revisions');
  if (!c.revisions.length) line('—');
  for (const v of c.revisions)
    line(
      `rev ${v.revision}  ${v.requestedBy === 'customer' ? '顾客 customer' : '公司 company'}  ${v.reason}  ${v.recordedBy}  ${at(v.recordedAt)}`,
    );

  doc
    .moveDown()
    .fontSize(8)
    .text(`打印 Printed ${at(new Date().toISOString())} (${timeZone})`, { align: 'right' });
  doc.end();
  return done;
}
