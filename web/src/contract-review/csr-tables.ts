/** /csr: the received documents, one row per document version with its file, and the CSR list. */
import type { CsrDocument, CsrRequirement } from '../../../api/contract-review/csr/csr.response';
import { messageOf } from '../api/client';
import { h, link, table, toast } from '../ui/dom';
import { dateTime } from '../ui/format';
import { pack, tr } from './endpoints';
import { codeName, codeNames } from './code-names';

function docStatus(d: CsrDocument): string {
  if (d.reviewedAt) return tr('csr.reviewed');
  if (d.escalatedAt) return tr('csr.escalated');
  if (d.transmittedAt) return tr('csr.transmitted');
  return tr('csr.waiting');
}

function fileCell(d: CsrDocument): HTMLElement | string {
  const f = d.file;
  if (!f) return h('span', { class: 'hint' }, tr('csr.noFile'));
  return h(
    'button',
    {
      type: 'button',
      class: 'btn btn-link csr-file',
      'data-document': d.documentId,
      title: `SHA-256 ${f.sha256}`,
      onclick: () =>
        pack.csrFile(d.documentId, f.fileName).catch((e: unknown) => toast(messageOf(e), 'error')),
    },
    tr('csr.download', { fileName: f.fileName }),
    ` (${kib(f.sizeBytes)})`,
  );
}

export function documentsTable(docs: CsrDocument[]): HTMLElement {
  if (!docs.length) return h('p', { class: 'hint' }, tr('csr.none'));
  const columns = [
    'colDocument',
    'customer',
    'colTitle',
    'colVersion',
    'colKind',
    'colReceived',
    'colStatus',
    'colFile',
  ];
  return table(
    columns.map((c) => tr(`csr.${c}`)),
    docs,
    (d) => [
      d.instanceId ? link(`/instances/${encodeURIComponent(d.instanceId)}`, d.documentId) : d.documentId,
      d.customerId,
      d.title,
      d.version,
      tr(`csr.kinds.${d.kind}`, { defaultValue: d.kind }),
      dateTime(d.receivedAt),
      docStatus(d),
      fileCell(d),
    ],
    { 'aria-label': tr('csr.documents') },
  );
}

export function requirementsTable(reqs: CsrRequirement[]): HTMLElement {
  if (!reqs.length) return h('p', { class: 'hint' }, tr('csr.none'));
  const columns = [
    'customer',
    'colRequirement',
    'colSource',
    'colDepartments',
    'colSymbol',
    'colFeasible',
    'colVerified',
  ];
  return table(
    columns.map((c) => tr(`csr.${c}`)),
    reqs,
    (r) => [
      r.customerId,
      r.text,
      `${r.documentId} ${r.documentVersion}`,
      codeNames('department', r.departments),
      r.symbol ?? '—',
      codeName('feasibility', r.feasibility),
      r.verification === 'verified' ? dateTime(r.verifiedAt) : codeName('verification', r.verification),
    ],
    { 'aria-label': tr('csr.requirements') },
  );
}

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round((bytes / 1024) * 10) / 10} KiB`;
}
