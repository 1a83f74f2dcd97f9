import { api, unwrap, type ApiBody, type ApiRequest } from '../../api/http';

export type User = ApiBody<'/api/v1/admin/users', 'get'>[number];
export type Role = User['roles'][number];
export type NewUser = ApiRequest<'/api/v1/admin/users', 'post'>;
export type CreatedUser = ApiBody<'/api/v1/admin/users', 'post', 201>;

export const roles: readonly Role[] = ['viewer', 'operator', 'engineer', 'planner', 'admin'];

export async function listUsers(): Promise<User[]> {
  return (await unwrap(api.GET('/api/v1/admin/users'))).data;
}

/** Without a password the answer carries a one-time invitation link, shown once. */
export async function createUser(body: NewUser): Promise<CreatedUser> {
  return (await unwrap(api.POST('/api/v1/admin/users', { body }))).data;
}

export async function changeRoles(id: string, newRoles: Role[]): Promise<User> {
  return (await unwrap(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body: { roles: newRoles } }))).data;
}

export async function disableUser(id: string): Promise<User> {
  return (await unwrap(api.POST('/api/v1/admin/users/{id}/disable', { params: { path: { id } } }))).data;
}

export type ApiKey = ApiBody<'/api/v1/admin/api-keys', 'get'>[number];
export type NewApiKey = ApiRequest<'/api/v1/admin/api-keys', 'post'>;
export type CreatedApiKey = ApiBody<'/api/v1/admin/api-keys', 'post', 201>;
export type Scope = NewApiKey['scopes'][number];

export async function listApiKeys(): Promise<ApiKey[]> {
  return (await unwrap(api.GET('/api/v1/admin/api-keys'))).data;
}

/** Without `user_id` or `service_account` the key belongs to the signed-in admin; `key` is shown once. */
export async function createApiKey(body: NewApiKey): Promise<CreatedApiKey> {
  return (await unwrap(api.POST('/api/v1/admin/api-keys', { body }))).data;
}

export async function revokeApiKey(id: string): Promise<ApiKey> {
  return (await unwrap(api.DELETE('/api/v1/admin/api-keys/{id}', { params: { path: { id } } }))).data;
}
