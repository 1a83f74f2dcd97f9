import { computed, reactive, watch } from 'vue';
import { toApiError, type ApiError } from '../../api/apiError';
import { getWhoami, type Whoami } from './settings.api';
import { useSettingsStore } from './settings.store';

interface IdentityState {
  whoami: Whoami | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

const identity = reactive<IdentityState>({ whoami: undefined, error: undefined, loading: false });

export async function refreshIdentity(): Promise<void> {
  identity.whoami = undefined;
  identity.error = undefined;
  if (!useSettingsStore().apiKey) return;
  identity.loading = true;
  try {
    identity.whoami = await getWhoami();
  } catch (err) {
    identity.error = toApiError(err);
  } finally {
    identity.loading = false;
  }
}

let watching = false;
/** Re-reads the key's identity whenever the stored key changes. */
export function trackIdentity(): void {
  if (watching) return;
  watching = true;
  watch(
    () => useSettingsStore().apiKey,
    () => void refreshIdentity(),
    { immediate: true },
  );
}

export const isAdmin = computed(() => identity.whoami?.scopes.includes('admin') ?? false);

export function useIdentityStore(): IdentityState {
  return identity;
}
