import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FormEntity, FormSchema } from '../../persistence/entities/form.entity';
import { badRequest, notFound } from '../errors/domain-error';

@Injectable()
export class FormsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(FormEntity);
  }

  /** Stores a form-js schema as the next version of its id; identical content returns the existing version. */
  async deploy(
    schema: unknown,
    deployedBy: string,
  ): Promise<{ formId: string; version: number; created: boolean }> {
    const form = assertFormSchema(schema);
    const schemaHash = createHash('sha256').update(JSON.stringify(form)).digest('hex');
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(FormEntity);
      const latest = await repo.findOne({ where: { formId: form.id }, order: { version: 'DESC' } });
      if (latest?.schemaHash === schemaHash)
        return { formId: form.id, version: latest.version, created: false };
      const version = (latest?.version ?? 0) + 1;
      await repo.save(
        repo.create({
          formId: form.id,
          version,
          schemaHash,
          schema: form,
          deployedBy,
          deployedAt: new Date().toISOString(),
        }),
      );
      return { formId: form.id, version, created: true };
    });
  }

  async list(): Promise<{ formId: string; latestVersion: number }[]> {
    const rows = await this.repo.find({
      select: { formId: true, version: true },
      order: { formId: 'ASC', version: 'ASC' },
    });
    const latest = new Map<string, number>();
    for (const row of rows) latest.set(row.formId, row.version);
    return [...latest].map(([formId, latestVersion]) => ({ formId, latestVersion }));
  }

  /** The latest version of a form (user tasks bind to the latest, as Zeebe's formId does). */
  async latest(formId: string): Promise<FormEntity | null> {
    return this.repo.findOne({ where: { formId }, order: { version: 'DESC' } });
  }

  async get(formId: string, version?: number): Promise<FormEntity> {
    const row =
      version === undefined
        ? await this.latest(formId)
        : await this.repo.findOne({ where: { formId, version } });
    if (!row)
      throw notFound(
        'FORM.NOT_FOUND',
        `No form ${formId}${version === undefined ? '' : ` version ${version}`}`,
      );
    return row;
  }
}

function assertFormSchema(schema: unknown): FormSchema {
  const s = schema as Partial<FormSchema> | null;
  const problems: string[] = [];
  if (!s || typeof s !== 'object') problems.push('the body must be a form-js schema object');
  else {
    if (typeof s.id !== 'string' || !/^[A-Za-z_][\w.-]{0,254}$/.test(s.id))
      problems.push('id must be an identifier (the formId user tasks reference)');
    if (!Array.isArray(s.components)) problems.push('components must be an array');
  }
  if (problems.length) throw badRequest('FORM.INVALID', problems.join('; '), { problems });
  return s as FormSchema;
}
