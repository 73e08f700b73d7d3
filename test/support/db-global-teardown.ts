export default async function teardown(): Promise<void> {
  (globalThis as { __postgres?: { stop(): void } }).__postgres?.stop();
}
