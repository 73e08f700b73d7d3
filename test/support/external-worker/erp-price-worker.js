// A job worker outside the engine, as another team would write it: its own process, its own
// Temporal connection, polling the task queue the convention derives from the task type
// (bpmn-jobs-<type>) with an activity named by the type. Usage: node erp-price-worker.js <address>
// While the file named by FAIL_FLAG_FILE exists, the job fails (to raise an incident).
const { existsSync } = require('node:fs');
const { NativeConnection, Worker, Runtime, DefaultLogger } = require('@temporalio/worker');

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address: process.argv[2] });
  const worker = await Worker.create({
    connection,
    taskQueue: 'bpmn-jobs-erp-price',
    activities: {
      'erp-price': async (job) => {
        if (process.env.FAIL_FLAG_FILE && existsSync(process.env.FAIL_FLAG_FILE))
          throw new Error('ERP is unreachable');
        return {
          price: job.variables.quantity * 12.5,
          currency: job.headers.currency,
          pricedBy: `pid ${process.pid}`,
        };
      },
    },
  });
  process.stdout.write('ready\n');
  await worker.run();
  await connection.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
