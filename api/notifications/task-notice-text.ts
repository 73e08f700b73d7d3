/** The words of a task notice, in Chinese and English (the plant reads Chinese first). */
import type { UserTaskEntity } from '../../persistence/entities';
import type { TaskNoticeKind } from '../../persistence/entities/notification.entity';

const HEADLINE: Record<TaskNoticeKind, string> = {
  new: '新任务 New task',
  'due-tomorrow': '明天到期 Due tomorrow',
  overdue: '已逾期 Overdue',
};

export function noticeText(
  task: UserTaskEntity,
  kind: TaskNoticeKind,
  dueLocal: string | null,
): { subject: string; body: string } {
  const name = task.name ?? task.elementId;
  const subject = `[${HEADLINE[kind]}] ${name} — ${task.instanceId}`;
  const body = [
    `${HEADLINE[kind]}: ${name}`,
    `流程 Process: ${task.processId} v${task.version}`,
    `实例 Instance: ${task.instanceId}`,
    `候选 Candidates: ${[...task.candidateGroups, ...task.candidateUsers].join(', ') || task.assignee || '—'}`,
    `截止 Due: ${dueLocal ?? '—'}`,
    `打开 Open: /tasks/${encodeURIComponent(task.taskId)}`,
  ].join('\n');
  return { subject, body };
}
