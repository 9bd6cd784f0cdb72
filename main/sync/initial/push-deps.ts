// Everything the initial sync needs of one integration, read fresh when a preview or a run begins: the connector,
// toggles, settings and mappings, in the push's own shape (PushDeps), so that the Kayse cases it sends to the CRM go
// through the push's create path, and a case linked meanwhile is decided against its CRM record as the push decides
// it (push-decide.ts: the pull's store and conflict log), never sent blind. Unlike a push pass, the initial sync is
// not held back by the frequency's slots: the admin started it.
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import { AppError } from '../../../shared/result';
import type { Crm } from '../../crm';
import type { TwoWayDeps } from '../engine/push-decide';
import type { PushDeps } from '../engine/push-record';
import { pushSetup, type PushSetupSource } from '../engine/push-setup';

export interface PushDepsSource extends PushSetupSource {
  crm: Pick<Crm, 'connection' | 'connectorFor'>;
  /** Read by the push; written (the CRM as origin) where the CRM's value wins a linked case's decision. */
  records: TwoWayDeps['records'];
  /** The pull's store and conflict log: a linked case is decided as the push decides it (absent: sent as it is). */
  pull?: Pick<TwoWayDeps, 'store' | 'conflicts'>;
}

const NAMES: Record<CrmConnectorId, string> = { lawruler: 'LawRuler', smartadvocate: 'SmartAdvocate' };

/** The push's view of `crm` now, and whether Kayse → CRM is on; CONFLICT when it can't be synced now (and why). */
export async function pushDepsFor(src: PushDepsSource, crm: CrmConnectorId): Promise<{ push: PushDeps; pushes: boolean }> {
  const connection = src.crm.connection(crm);
  if (connection.state === 'not_connected') throw new AppError('CONFLICT', `${NAMES[crm]} is not connected: connect it on its Configuration tab first.`);
  if (!connection.toggles.enabled) throw new AppError('CONFLICT', `The ${NAMES[crm]} integration is turned off: turn on Enable integration first.`);
  const connector = await src.crm.connectorFor(crm);
  if (!connector) throw new AppError('CONFLICT', `${NAMES[crm]} can't be reached with its saved connection (its credentials could not be read): open its Configuration tab.`);
  return pushSetup(src, crm, connection, connector, src.pull ? { records: src.records, ...src.pull } : undefined);
}
