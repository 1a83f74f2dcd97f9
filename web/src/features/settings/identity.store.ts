import { computed, reactive, watch } from 'vue';
import { toApiError, type ApiError } from '../../api/apiError';
import { getWhoami, type Whoami } from './settings.api';
import { getMe, hasSession, type Me } from '../auth/auth.api';
import { useSettingsStore } from './settings.store';

interface IdentityState {
  whoami: Whoami | undefined;
  /** Who the API says is calling; `me.user` is set when signed in by session rather than by key. */
  me: Me | undefined;
  /** True once the first look-up finished, so the shell knows whether to ask for a sign-in. */
  checked: boolean;
  error: ApiError | undefined;
  loading: boolean;
}

const identity = reactive<IdentityState>({ whoami: undefined, me: undefined, checked: false, error: undefined, loading: false });

/**
 * Re-reads who is calling: the stored API key if there is one, else the session cookie (which the
 * browser sends by itself; scripts cannot read it). Without either, a 401 simply means signed out.
 */
export async function refreshIdentity(): Promise<void> {
  identity.whoami = undefined;
  identity.me = undefined;
  identity.error = undefined;
  const withKey = Boolean(useSettingsStore().apiKey);
  identity.loading = true;
  try {
    // Without a key, ask first whether there is a session: a signed-out page then makes no request
    // that answers 401 (which the browser would log as an error on every first visit).
    if (withKey || (await hasSession())) [identity.me, identity.whoami] = await Promise.all([getMe(), getWhoami()]);
  } catch (err) {
    const error = toApiError(err);
    if (withKey || error.status !== 401) identity.error = error;
  } finally {
    identity.loading = false;
    identity.checked = true;
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

/** The signed-in user (session), or undefined when using an API key or signed out. */
export const signedInUser = computed(() => identity.me?.user ?? undefined);

export const isAdmin = computed(() => identity.whoami?.scopes.includes('admin') ?? false);

export function useIdentityStore(): IdentityState {
  return identity;
}
