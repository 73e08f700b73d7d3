/**
 * `npm start` as a user runs it: the built start script as a real process, with the
 * Temporal dev server it launches. Stopped with SIGTERM and started again, it finds the
 * deployed definition, the running instance and its open task where they were.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../runtime/free-port';

const root = join(__dirname, '..', '..');
const script = join(root, 'dist', 'scripts', 'start-embedded.js');

interface Started {
  child: ChildProcess;
  output: () => string;
}

async function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const deadline = Date.now() + 90_000;
  while (!output.includes('BPMN on Temporal is ready')) {
    if (child.exitCode !== null) throw new Error(`start exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`not ready within 90s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, output: () => output };
}

async function stop({ child }: Started): Promise<number | null> {
  child.kill('SIGTERM');
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('npm start (embedded default)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bpmn-temporal-start-'));
  let env: NodeJS.ProcessEnv;
  let base: string;
  let running: Started | undefined;

  beforeAll(async () => {
    const port = await freePort(0);
    env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      TEMPORAL_PORT: String(await freePort(0)),
      TEMPORAL_UI_PORT: String(await freePort(0)),
      LOG_LEVEL: 'info',
    };
    base = `http://127.0.0.1:${port}/api`;
  });
  afterAll(async () => {
    if (running && running.child.exitCode === null) await stop(running);
  });

  const json = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(`${base}${path}`, { ...init, headers });
    return { status: res.status, body: await res.json().catch(() => undefined) };
  };

  it('starts healthy, serves docs and the Temporal Web UI, and keeps everything across a restart', async () => {
    running = await start(env);
    expect((await json('/health')).status).toBe(200);
    expect((await fetch(`${base}/docs`)).status).toBe(200);
    const uiUrl = running.output().match(/Temporal .*\(Web UI (http:\/\/[^\s,]+)/)?.[1];
    expect(uiUrl).toBeDefined();
    expect((await fetch(uiUrl!)).status).toBe(200);
    // A short human banner on the console; the JSON lines (routes, requests) go to the log file.
    const consoleLines = running.output().split('\n');
    expect(consoleLines.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    expect(consoleLines.length).toBeLessThan(20);

    const token = (
      await json('/auth/token', {
        method: 'POST',
        body: JSON.stringify({ user: 'ops', groups: ['process-owner', 'sales'] }),
      })
    ).body.token;
    const xml = readFileSync(join(root, 'test', 'fixtures', 'e2e', 'Approval.user-task.bpmn'), 'utf8');
    const deployed = await json('/process-definitions', {
      method: 'POST',
      token,
      body: JSON.stringify({ xml }),
    });
    expect(deployed.status).toBe(201);
    const started = await json('/process-instances', {
      method: 'POST',
      token,
      body: JSON.stringify({ processId: 'approval', businessKey: 'restart-1', variables: { amount: 5 } }),
    });
    expect(started.status).toBe(201);
    const instanceId = encodeURIComponent(started.body.instanceId);
    await waitFor(
      async () =>
        (await json(`/tasks?instanceId=${instanceId}&state=open`, { token })).body.items.length === 1,
    );

    expect(await stop(running)).toBe(0);
    running = await start(env);

    const definitions = await json('/process-definitions', { token });
    expect(definitions.body.map((d: { processId: string }) => d.processId)).toContain('approval');
    const instance = await json(`/process-instances/${instanceId}`, { token });
    expect(instance.status).toBe(200);
    expect(instance.body).toMatchObject({
      state: 'ACTIVE',
      activeElements: ['approve'],
      variables: { amount: 5 },
    });
    const tasks = await json(`/tasks?instanceId=${instanceId}&state=open`, { token });
    expect(tasks.body.items).toHaveLength(1);
    const done = await json(`/tasks/${encodeURIComponent(tasks.body.items[0].taskId)}/complete`, {
      method: 'POST',
      token,
      body: JSON.stringify({ variables: { approved: true } }),
    });
    expect(done.status).toBe(200);
    await waitFor(
      async () => (await json(`/process-instances/${instanceId}`, { token })).body.state === 'COMPLETED',
    );
    // The requests above were logged as JSON lines to the file, not to the console.
    const logFile = join(dataDir, 'logs', 'app.log');
    await waitFor(
      async () => existsSync(logFile) && readFileSync(logFile, 'utf8').includes('"request completed"'),
    );
    expect(running.output()).not.toContain('request completed');
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}
