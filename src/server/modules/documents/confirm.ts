import type { z } from 'zod';
import type { TDocumentConfirmed, ZDocumentConfirm } from '../../../contracts/documents';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound } from '../../errors';
import { insertTask } from '../tasks/create';
import type { TTask } from '../../../contracts/tasks';
import { GROUP_LABEL_VI, groupMembers, loadRegistry } from '../tasks/registry';
import { documentById } from './queries';
import { recordReview } from './review';
import { applyMetadata } from './service';
import { vnToday } from '../../../core/calendar/timestamps';

/** A confirmation as the route passes it on (defaults applied). */
export type ConfirmInput = z.output<typeof ZDocumentConfirm>;
export type ConfirmAssignment = ConfirmInput['assignments'][number];

/**
 * The reviewed proposal becomes tasks, all in one transaction with the document's
 * corrected metadata: a group lead becomes one task per member unit valid on the
 * document's date (each task has exactly one lead), coordinator groups expand the same
 * way. Any error (a unit not valid on that date, a group with no members) writes nothing.
 */
export async function confirmProposal(deps: Deps, ctx: AuditContext, actorId: string, id: string, input: ConfirmInput): Promise<TDocumentConfirmed> {
  const now = deps.now();
  const today = vnToday(now);
  return deps.db.transaction(async (tx) => {
    const doc = await documentById(tx, id);
    if (!doc) throw notFound('văn bản');
    const { before, after } = await applyMetadata(tx, ctx, id, input.version, input.metadata ?? {}, now.toISOString(), { confirmed: true });
    const assignedOn = after.issuedOn ?? today;
    if (assignedOn > today) throw new AppError('VALIDATION', 'Ngày ban hành không được sau hôm nay', 'metadata.issuedOn');
    const registry = await loadRegistry(tx, assignedOn);
    const created: TTask[] = [];
    for (const [i, a] of input.assignments.entries()) {
      const where = `assignments.${i}`;
      let leads: Array<{ id: string; groupText: string | null }>;
      if ('unitId' in a.lead) leads = [{ id: a.lead.unitId, groupText: null }];
      else {
        const lead = a.lead;
        const members = groupMembers(lead.group, registry).filter((u) => !(lead.excludeUnitIds ?? []).includes(u.id));
        if (members.length === 0) {
          throw new AppError('VALIDATION', `Nhiệm vụ ${i + 1}: "${lead.text ?? GROUP_LABEL_VI[lead.group]}" không xác định được đơn vị cụ thể; hãy chọn đơn vị chủ trì`, `${where}.lead`);
        }
        leads = members.map((u) => ({ id: u.id, groupText: lead.text ?? GROUP_LABEL_VI[lead.group] }));
      }
      const coordinatorIds = new Set(a.coordinatorUnitIds);
      for (const g of a.coordinatorGroups ?? []) for (const u of groupMembers(g, registry)) coordinatorIds.add(u.id);
      const sourceText = a.sourceStart != null && a.sourceEnd != null && a.sourceEnd <= doc.body.length ? doc.body.slice(a.sourceStart, a.sourceEnd) : null;
      for (const lead of leads) {
        try {
          created.push(
            await insertTask(
              tx,
              ctx,
              {
                documentId: id,
                title: a.title,
                leadUnitId: lead.id,
                leadGroupText: lead.groupText,
                coordinatorUnitIds: [...coordinatorIds].filter((c) => c !== lead.id),
                assignedOn,
                deadline: a.deadline ?? null,
                deadlineText: a.deadlineText ?? null,
                recurrence: a.recurrence ?? null,
                pillar: a.pillar ?? null,
                sourceText,
                sourceStart: sourceText ? a.sourceStart : null,
                sourceEnd: sourceText ? a.sourceEnd : null,
                createdBy: actorId,
              },
              now,
              today,
            ),
          );
        } catch (err) {
          if (err instanceof AppError && err.code === 'VALIDATION') throw new AppError('VALIDATION', `Nhiệm vụ ${i + 1}: ${err.message}`, `${where}.${err.field ?? 'lead'}`);
          throw err;
        }
      }
    }
    // The clerk's corrections are kept, to be exported as gold (issue 10).
    await recordReview(tx, (await documentById(tx, id))!, input.assignments, registry, actorId, now.toISOString());
    await recordAudit(tx, ctx, {
      action: 'confirm',
      entity: 'document',
      entityId: id,
      before: { ...before, body: undefined },
      after: { ...after, body: undefined, createdTasks: created.length, taskIds: created.map((t) => t.id) },
    });
    const fresh = await documentById(tx, id);
    return { document: { ...after, version: fresh!.version, taskCount: fresh!.task_count, openTaskCount: fresh!.open_task_count }, created: created.length, tasks: created };
  });
}
