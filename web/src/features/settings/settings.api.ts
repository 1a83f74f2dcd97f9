import { request } from '../../api/http';

export interface Whoami {
  id: string;
  name: string;
  key_prefix: string;
  scopes: string[];
}

export function getWhoami(): Promise<Whoami> {
  return request<Whoami>('/admin/whoami');
}
