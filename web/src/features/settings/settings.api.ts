import { api, unwrap, type ApiBody } from '../../api/http';

export type Whoami = ApiBody<'/api/v1/admin/whoami', 'get'>;

export async function getWhoami(): Promise<Whoami> {
  return (await unwrap(api.GET('/api/v1/admin/whoami'))).data;
}
