import { api, unwrap, type ApiBody, type ApiRequest } from '../../api/http';

export type Site = ApiBody<'/api/v1/sites/{id}', 'get'>;
export type SiteInput = ApiRequest<'/api/v1/sites', 'post'>;
export type SitePatch = ApiRequest<'/api/v1/sites/{id}', 'patch'>;

export async function listSites(): Promise<Site[]> {
  return (await unwrap(api.GET('/api/v1/sites'))).data;
}

export async function createSite(body: SiteInput): Promise<Site> {
  return (await unwrap(api.POST('/api/v1/sites', { body }))).data;
}

export async function updateSite(id: string, body: SitePatch): Promise<Site> {
  return (await unwrap(api.PATCH('/api/v1/sites/{id}', { params: { path: { id } }, body }))).data;
}

export async function deleteSite(id: string): Promise<Site> {
  return (await unwrap(api.DELETE('/api/v1/sites/{id}', { params: { path: { id } } }))).data;
}

/** Moves an asset to a site (null: none). */
export async function setAssetSite(id: string, site: string | null): Promise<void> {
  await unwrap(api.PATCH('/api/v1/assets/{id}', { params: { path: { id } }, body: { site } }));
}
