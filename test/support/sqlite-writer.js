// One "process" of the SQLite two-writer test (test/db/sqlite-two-processes.test.ts): opens the
// built data source on the given file and runs read-then-write transactions, reporting failures.
const [, , distDir, file, count, who] = process.argv;
const { openDatabase } = require(`${distDir}/persistence/data-source.js`);
const { IdempotentRequestEntity } = require(`${distDir}/persistence/entities/idempotent-request.entity.js`);

(async () => {
  const db = await openDatabase({ kind: 'sqlite', file });
  const failures = [];
  for (let i = 0; i < Number(count); i++) {
    try {
      await db.transaction(async (em) => {
        const seen = await em.count(IdempotentRequestEntity);
        await em.insert(IdempotentRequestEntity, {
          scope: 'sqlite-two-processes',
          key: `${who}-${i}`,
          fingerprint: String(seen),
          response: {},
          createdAt: new Date().toISOString(),
        });
      });
    } catch (error) {
      failures.push(error.message);
    }
  }
  await db.destroy();
  process.stdout.write(JSON.stringify({ failures }));
})().catch((error) => {
  process.stdout.write(JSON.stringify({ failures: [`open: ${error.message}`] }));
});
