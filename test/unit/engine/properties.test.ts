/**
 * Property-based checks over random block-structured processes (sequences, parallel /
 * inclusive / exclusive blocks, subprocesses) run with a random completion order:
 * tokens never leak, every scope ends, and every join fires exactly once per split.
 */
import fc from 'fast-check';
import { graph, type GraphBuilder } from './support/graph-builder';
import { Driver } from './support/driver';

type Block =
  | { t: 'task' }
  | { t: 'job' }
  | { t: 'seq'; items: Block[] }
  | { t: 'par' | 'or' | 'xor'; branches: Block[] }
  | { t: 'sub'; body: Block };

const block: fc.Arbitrary<Block> = fc.letrec<{ b: Block }>((tie) => ({
  b: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<Block>({ t: 'task' }),
    fc.constant<Block>({ t: 'job' }),
    fc.record({ t: fc.constant('seq' as const), items: fc.array(tie('b'), { minLength: 1, maxLength: 3 }) }),
    fc.record({
      t: fc.constantFrom('par' as const, 'or' as const, 'xor' as const),
      branches: fc.array(tie('b'), { minLength: 2, maxLength: 3 }),
    }),
    fc.record({ t: fc.constant('sub' as const), body: tie('b') }),
  ),
})).b;

/** Emit a block between `from` and a new exit node; returns the exit id. */
function emit(
  b: GraphBuilder,
  blk: Block,
  from: string,
  scope: string | undefined,
  ids: { n: number },
): string {
  const id = (p: string) => `${p}${++ids.n}`;
  switch (blk.t) {
    case 'task': {
      const t = id('t');
      b.task(t, scope).flow(from, t);
      return t;
    }
    case 'job': {
      const t = id('j');
      b.service(t, 'work', scope).flow(from, t);
      return t;
    }
    case 'seq':
      return blk.items.reduce((prev, item) => emit(b, item, prev, scope, ids), from);
    case 'sub': {
      const s = id('sub');
      b.subProcess(s, scope).flow(from, s).start(`${s}_start`, s);
      const last = emit(b, blk.body, `${s}_start`, s, ids);
      b.end(`${s}_end`, s).flow(last, `${s}_end`);
      return s;
    }
    default: {
      const kind =
        blk.t === 'par' ? 'parallelGateway' : blk.t === 'or' ? 'inclusiveGateway' : 'exclusiveGateway';
      const split = id('split');
      const join = id('join');
      b.gateway(kind, split, scope).gateway(kind, join, scope).flow(from, split);
      blk.branches.forEach((branch, i) => {
        const entry = id('e');
        b.task(entry, scope);
        if (blk.t === 'par') b.flow(split, entry);
        else if (i === 0) b.defaultFlow(split, entry);
        else b.conditional(split, entry, `=pick${split} >= ${i}`);
        b.flow(emit(b, branch, entry, scope, ids), join);
      });
      return join;
    }
  }
}

describe('properties of the core', () => {
  it('random block-structured processes complete without leaks; joins fire once per split', () => {
    fc.assert(
      fc.property(block, fc.array(fc.nat(), { maxLength: 200 }), fc.nat(3), (root, order, pick) => {
        const b = graph().start();
        const ids = { n: 0 };
        const last = emit(b, root, 'start', undefined, ids);
        b.end('end').flow(last, 'end');
        const g = b.build();
        const variables = Object.fromEntries(
          Object.keys(g.nodes)
            .filter((k) => k.startsWith('split'))
            .map((k) => [`pick${k}`, pick]),
        );
        const d = new Driver(g).start(variables);
        for (let i = 0; d.jobs.size > 0 && i < 1000; i++) {
          const jobs = [...d.jobs.values()];
          const job = jobs[(order[i % Math.max(order.length, 1)] ?? 0) % jobs.length];
          d.jobs.delete(job.jobKey);
          d.send({ type: 'activityCompleted', jobKey: job.jobKey });
        }
        expect(d.state.status).toBe('COMPLETED');
        expect(d.state.instances).toEqual({});
        expect(d.state.joins).toEqual({});
        expect(d.state.timers).toEqual({});
        expect(d.state.messages).toEqual({});
        expect(Object.keys(d.state.variables)).toEqual(['0']);
        for (const splitId of Object.keys(g.nodes).filter((k) => k.startsWith('split'))) {
          const joinId = `join${Number(splitId.slice(5)) + 1}`;
          expect(d.state.completed[joinId] ?? 0).toBe(d.state.completed[splitId] ?? 0);
        }
        for (const sub of Object.keys(g.nodes).filter((k) => g.nodes[k].kind === 'subProcess')) {
          expect(d.state.completed[`${sub}_end`] ?? 0).toBe(d.state.completed[sub] ?? 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('cancelling at any point leaves no tokens, tasks or subscriptions behind', () => {
    fc.assert(
      fc.property(block, fc.nat(5), (root, steps) => {
        const b = graph().start();
        const last = emit(b, root, 'start', undefined, { n: 0 });
        b.end('end').flow(last, 'end');
        const d = new Driver(b.build()).start({});
        for (let i = 0; i < steps && d.jobs.size > 0; i++) d.completeJob([...d.jobs.values()][0].elementId);
        if (d.state.status !== 'ACTIVE') return;
        d.send({ type: 'cancel' });
        expect(d.state.status).toBe('TERMINATED');
        expect(d.state.instances).toEqual({});
        expect(d.state.tasks).toEqual({});
        expect(d.jobs.size).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
