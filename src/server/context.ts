import type { FastifyRequest } from 'fastify';
import { can, type Action, type Actor, type Resource } from '../core/auth/policy';
import { vnToday } from '../core/calendar/timestamps';
import type { TConfig } from '../config';
import type { Db } from '../db/client';
import type { AuditContext } from './audit';
import { AppError, forbidden } from './errors';

export interface SessionActor extends Actor {
  username: string;
  fullName: string;
  unitName: string;
  /** The province the actor's unit belongs to: its panels and lists (the national role's home province). */
  provinceId: string;
  csrfToken: string;
  tokenHash: string;
}

export interface Deps {
  db: Db;
  config: TConfig;
  /** Injected clock: tests move time without touching the system clock. */
  now: () => Date;
  /** A streaming replica (DATABASE_READ_URL) for reads that may lag; absent: the primary serves them. */
  readDb?: Db;
}

/** Where a read that may lag goes: the replica when there is one. */
export const readDbOf = (deps: Pick<Deps, 'db' | 'readDb'>): Db => deps.readDb ?? deps.db;

/** Today's date in Vietnam on the injected clock: the only "today" server code uses. */
export const today = (deps: Pick<Deps, 'now'>): string => vnToday(deps.now());

declare module 'fastify' {
  interface FastifyRequest {
    actor?: SessionActor;
  }
}

export function requireActor(req: FastifyRequest): SessionActor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục');
  return req.actor;
}

/** The guard every route calls: the policy in core decides, the route only asks. */
export function authorize(req: FastifyRequest, action: Action, resource?: Resource): SessionActor {
  const actor = requireActor(req);
  if (!can(actor, action, resource)) throw forbidden();
  return actor;
}

/**
 * The units whose rows a list shows: a province-wide role reads every unit of its province, a
 * unit role its own scope, the national role everything (null).
 */
export function readReach(actor: SessionActor, action: Action): ReadonlySet<string> | null {
  if (!can({ ...actor, province: undefined }, action, { unitId: '*' })) return actor.scope;
  return actor.province ?? null;
}

export function auditContext(req: FastifyRequest): AuditContext {
  return { actorId: req.actor?.id ?? null, actorName: req.actor?.username ?? 'hệ thống', ip: req.ip };
}
