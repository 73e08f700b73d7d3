/**
 * CSR-1 over HTTP: a received customer document is recorded with its file (multipart), the
 * file comes back byte for byte with its SHA-256, and bad files are refused in the one error
 * shape without leaving a record (real Temporal dev server: receipt starts csr-change).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsrDocumentFileEntity } from '../../persistence/entities/contract-review';
import { ApiHarness, startApiHarness } from '../support/api-harness';

const DIAGRAMS = join(__dirname, '..', '..', 'diagrams', 'contract-review');
const LIMIT = 10 * 1024 * 1024;

function pdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

describe('CSR documents with their files (e2e, Temporal dev server)', () => {
  let api: ApiHarness;
  let sales: string;
  let quality: string;

  const post = async (
    fields: Record<string, string>,
    file?: { bytes: Buffer; type: string; name: string },
    token = sales,
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const res = await fetch(`${api.baseUrl}/csr/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: res.status, body: await res.json() };
  };
  const fields = (documentId: string) => ({
    documentId,
    customerId: 'lumen',
    title: '供应商质量协议 Supplier quality agreement',
    version: 'C',
    kind: 'quality-agreement',
  });
  const documents = async () =>
    (await api.call('GET', '/csr/documents?customerId=lumen', { token: quality })).body.items as {
      documentId: string;
      file: { fileName: string; sha256: string; sizeBytes: number; contentType: string } | null;
    }[];

  beforeAll(async () => {
    api = await startApiHarness();
    const owner = await api.token('wang.fang', ['process-owner']);
    sales = await api.token('li.na', ['sales']);
    quality = await api.token('qa.chen', ['quality']);
    for (const file of readdirSync(DIAGRAMS).filter((f) => f.startsWith('csr-') && f.endsWith('.form')))
      expect(
        (
          await api.call('POST', '/forms', {
            token: owner,
            body: JSON.parse(readFileSync(join(DIAGRAMS, file), 'utf8')),
          })
        ).status,
      ).toBe(201);
    const deployed = await api.call('POST', '/process-definitions', {
      token: owner,
      body: readFileSync(join(DIAGRAMS, 'csr-change.bpmn'), 'utf8'),
      contentType: 'application/xml',
    });
    expect(deployed.status).toBe(201);
    const customer = await api.call('PUT', '/customers/lumen', {
      token: sales,
      body: { name: 'Lumen Auto', oem: true, symbols: [] },
    });
    expect(customer.status).toBe(200);
  });
  afterAll(() => api?.close());

  it('records a document with its PDF and serves the same bytes again, with the checksum', async () => {
    const bytes = pdf('QA-FILE-1 rev C');
    const received = await post(fields('QA-FILE-1'), {
      bytes,
      type: 'application/pdf',
      name: '质量协议-C.pdf',
    });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(received).toMatchObject({
      status: 201,
      body: {
        documentId: 'QA-FILE-1',
        version: 'C',
        instanceId: expect.stringContaining('QA-FILE-1'),
        file: {
          fileName: '质量协议-C.pdf',
          contentType: 'application/pdf',
          sizeBytes: bytes.length,
          sha256,
          uploadedBy: 'li.na',
        },
      },
    });
    expect((await documents()).find((d) => d.documentId === 'QA-FILE-1')?.file).toMatchObject({ sha256 });

    const res = await fetch(`${api.baseUrl}/csr/documents/QA-FILE-1/file`, {
      headers: { authorization: `Bearer ${quality}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('质量协议-C.pdf')}`,
    );
    expect(res.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('records an e-mail (.eml) too, and a document without a file as before', async () => {
    const mail = Buffer.from('From: sqe@lumen.example\r\nSubject: PPM target 30\r\n\r\nPlease confirm.\r\n');
    expect(
      await post(fields('MAIL-FILE-1'), { bytes: mail, type: 'message/rfc822', name: 'ppm.eml' }),
    ).toMatchObject({
      status: 201,
      body: { file: { contentType: 'message/rfc822', sizeBytes: mail.length } },
    });
    const plain = await api.call('POST', '/csr/documents', { token: sales, body: fields('QA-NOFILE-1') });
    expect(plain).toMatchObject({ status: 201, body: { documentId: 'QA-NOFILE-1', file: null } });
    const missing = await api.call('GET', '/csr/documents/QA-NOFILE-1/file', { token: quality });
    expect(missing).toMatchObject({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', code: 'CSR.FILE_NOT_FOUND' },
    });
  });

  it('refuses a file of another type, a file whose bytes are not what it claims, and a file over 10 MiB; nothing is recorded', async () => {
    const zip = await post(fields('BAD-1'), {
      bytes: Buffer.from('PK\x03\x04zip'),
      type: 'application/zip',
      name: 'a.zip',
    });
    expect(zip).toMatchObject({
      status: 415,
      body: {
        statusCode: 415,
        error: 'Unsupported Media Type',
        code: 'CSR.FILE_TYPE',
        message: expect.stringContaining('application/pdf'),
      },
    });
    const fake = await post(fields('BAD-2'), {
      bytes: Buffer.from('MZ\x90\x00 not a pdf'),
      type: 'application/pdf',
      name: 'x.pdf',
    });
    expect(fake).toMatchObject({ status: 415, body: { code: 'CSR.FILE_CONTENT_MISMATCH' } });
    const big = Buffer.alloc(LIMIT + 1, 0x20);
    pdf('big').copy(big);
    const large = await post(fields('BAD-3'), { bytes: big, type: 'application/pdf', name: 'big.pdf' });
    expect(large).toMatchObject({
      status: 413,
      body: { statusCode: 413, code: 'CSR.FILE_TOO_LARGE', details: { limitBytes: LIMIT } },
    });
    const bad = await post(
      { ...fields('BAD-4'), kind: 'novel' },
      { bytes: pdf('x'), type: 'application/pdf', name: 'x.pdf' },
    );
    expect(bad).toMatchObject({ status: 400, body: { statusCode: 400, error: 'Bad Request' } });
    const ids = (await documents()).map((d) => d.documentId);
    for (const id of ['BAD-1', 'BAD-2', 'BAD-3', 'BAD-4']) expect(ids).not.toContain(id);
    expect(await api.dataSource.getRepository(CsrDocumentFileEntity).countBy({ documentId: 'BAD-2' })).toBe(
      0,
    );
  });

  it('only sales (or a service, admin) records a document', async () => {
    const res = await post(
      fields('QA-QUALITY-1'),
      { bytes: pdf('q'), type: 'application/pdf', name: 'q.pdf' },
      quality,
    );
    expect(res).toMatchObject({ status: 403, body: { statusCode: 403 } });
  });

  it('does not serve a stored file that no longer matches its checksum', async () => {
    await api.dataSource
      .getRepository(CsrDocumentFileEntity)
      .update({ documentId: 'QA-FILE-1' }, { content: pdf('tampered!').toString('base64') });
    const res = await api.call('GET', '/csr/documents/QA-FILE-1/file', { token: quality });
    expect(res).toMatchObject({ status: 422, body: { code: 'CSR.FILE_CHECKSUM_MISMATCH' } });
  });
});
