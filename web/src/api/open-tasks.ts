/** The user's open tasks: their groups' and their own. */
import { tasks } from './endpoints';
import type { Task } from './types';

const PAGE = 200;

/** One query per group plus the user's own, merged; due first (earliest), then no due date by age. */
export async function openTasksFor(user: string, groups: string[]): Promise<Task[]> {
  const pages = await Promise.all([
    ...groups.map((candidateGroup) => tasks.list({ candidateGroup, state: 'open', limit: PAGE })),
    tasks.list({ candidateUser: user, state: 'open', limit: PAGE }),
  ]);
  const byId = new Map<string, Task>();
  for (const page of pages) for (const task of page.items) byId.set(task.taskId, task);
  return [...byId.values()].sort(byDueDate);
}

function byDueDate(a: Task, b: Task): number {
  const da = a.dueDate ? Date.parse(a.dueDate) : Infinity;
  const db = b.dueDate ? Date.parse(b.dueDate) : Infinity;
  return da - db || Date.parse(a.createdAt) - Date.parse(b.createdAt);
}
