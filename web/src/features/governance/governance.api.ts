import { api, unwrap, type ApiBody } from '../../api/http';

export type RetentionPolicy = ApiBody<'/api/v1/governance/retention', 'get'>[number];
export type DataClass = RetentionPolicy['data_class'];
export type LegalHold = ApiBody<'/api/v1/governance/holds', 'get'>[number];
export type AuditEntry = ApiBody<'/api/v1/governance/audit', 'get'>[number];
export type HoldSubjectKind = LegalHold['subject_kind'];

export async function getRetentionPolicies(): Promise<RetentionPolicy[]> {
  return (await unwrap(api.GET('/api/v1/governance/retention'))).data;
}

/** Sends only the classes that changed; the server audits each one. */
export async function putRetentionPolicies(changes: Partial<Record<DataClass, number>>): Promise<RetentionPolicy[]> {
  return (await unwrap(api.PUT('/api/v1/governance/retention', { body: changes }))).data;
}

export async function listHolds(): Promise<LegalHold[]> {
  return (await unwrap(api.GET('/api/v1/governance/holds', { params: { query: { include_released: 'false' } } }))).data;
}

export async function placeHold(hold: { subject_kind: HoldSubjectKind; subject_id: string; reason: string }): Promise<LegalHold> {
  return (await unwrap(api.POST('/api/v1/governance/holds', { body: hold }))).data;
}

export async function releaseHold(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/governance/holds/{id}', { params: { path: { id } } }));
}

export async function listAudit(): Promise<AuditEntry[]> {
  return (await unwrap(api.GET('/api/v1/governance/audit', { params: { query: { limit: 100 } } }))).data;
}
