/**
 * The worker pool gives each worker its next task before the current one is
 * done (no round trip to the main thread between two), spreads tasks over the
 * least loaded workers, and settles each task by its id whatever order the
 * replies come in. Threads are stood in for by fakes that record what they
 * are sent.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const workers: FakeWorker[] = [];

class FakeWorker extends EventEmitter {
  sent: number[] = [];
  constructor() {
    super();
    workers.push(this);
  }
  transferred: ArrayBuffer[][] = [];
  postMessage(message: { id: number }, transfer: ArrayBuffer[] = []): void {
    this.sent.push(message.id);
    this.transferred.push(transfer);
  }
  reply(id: number): void {
    this.emit('message', { id, results: [{ id }] });
  }
  async terminate(): Promise<number> {
    return 0;
  }
}

vi.mock('node:worker_threads', () => ({ Worker: FakeWorker }));

const { TASKS_PER_WORKER, WorkerPool, transferables } = await import('../src/parallel/pool.js');
const task = (path: string) => ({ kind: 'file' as const, path, explicit: true });

describe('WorkerPool dispatch', () => {
  it('keeps two tasks with each worker, breadth first, and settles replies by id', async () => {
    workers.length = 0;
    expect(TASKS_PER_WORKER).toBe(2);
    const pool = new WorkerPool(2, {}, {} as never);
    const results = [0, 1, 2, 3, 4].map((i) => pool.run(task(`f${i}`)));
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.sent)).toEqual([[0, 2], [1, 3]]);

    // A reply frees a place with its worker: the queued task goes there.
    workers[1].reply(1);
    expect(workers[1].sent).toEqual([1, 3, 4]);
    expect(await results[1]).toEqual([{ id: 1 }]);

    // Out of order within a worker: each promise still gets its own task's reply.
    workers[0].reply(2);
    workers[0].reply(0);
    expect(await results[0]).toEqual([{ id: 0 }]);
    expect(await results[2]).toEqual([{ id: 2 }]);
    await pool.close();
  });

  it('starts a second worker only when the first is busy, and no more than the pool size', () => {
    workers.length = 0;
    const pool = new WorkerPool(3, {}, {} as never);
    void pool.run(task('a'));
    expect(workers).toHaveLength(1);
    void pool.run(task('b'));
    expect(workers).toHaveLength(2);
    for (const p of ['c', 'd', 'e', 'f', 'g']) void pool.run(task(p));
    expect(workers).toHaveLength(3);
    expect(workers.map((w) => w.sent.length)).toEqual([2, 2, 2]);
    void pool.close();
  });

  it('fails every task of a worker that dies, and the queued ones', async () => {
    workers.length = 0;
    const pool = new WorkerPool(1, {}, {} as never);
    const results = ['a', 'b', 'c'].map((p) => pool.run(task(p)));
    workers[0].emit('exit', 1);
    for (const r of results) await expect(r).rejects.toThrow(/exited with code 1/);
    await pool.close();
  });
});

describe('what a task hands over to its worker', () => {
  it("a batch's bytes in a buffer of their own are moved, not copied: this thread no longer holds them", () => {
    workers.length = 0;
    const bytes = new Uint8Array(new ArrayBuffer(8192)).fill(65);
    const pool = new WorkerPool(1, {}, {} as never);
    void pool.run({ kind: 'messages', mailbox: 'inbox.mbox', first: 1, bytes, ends: [8192] });
    expect(workers[0].transferred).toEqual([[bytes.buffer]]);
    expect(transferables({ kind: 'bytes', path: '-', explicit: true, bytes: new Uint8Array(16) })).toHaveLength(1);
  });

  it('a view into a larger or shared buffer is copied, and so is a task without bytes', () => {
    const shared = Buffer.from('a small message from the shared pool');
    expect(shared.buffer.byteLength).toBeGreaterThan(shared.byteLength);
    expect(transferables({ kind: 'message', path: 'inbox.mbox#1', bytes: shared })).toEqual([]);
    const read = new Uint8Array(65536);
    expect(transferables({ kind: 'message', path: 'inbox.mbox#2', bytes: read.subarray(100, 200) })).toEqual([]);
    expect(transferables({ kind: 'message', path: 'inbox.mbox#3', bytes: new Uint8Array(0) })).toEqual([]);
    expect(transferables({ kind: 'file', path: 'a.txt', explicit: true })).toEqual([]);
  });
});
