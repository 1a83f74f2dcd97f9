import { onUnmounted, watch } from 'vue';
import { pageSiteZone } from '../features/settings/settings.store';

/**
 * Declares the site time zone of the page on screen (an asset's, a work order's): with the "site"
 * time-zone setting every time on the page is shown on that clock. Cleared when the page goes, so
 * a page about no site falls back to the browser's zone; left alone if the next page set its own.
 */
export function useSiteTimeZone(zone: () => string | null | undefined): void {
  let mine = '';
  watch(
    zone,
    (value) => {
      mine = value ?? '';
      pageSiteZone.value = mine;
    },
    { immediate: true },
  );
  onUnmounted(() => {
    if (pageSiteZone.value === mine) pageSiteZone.value = '';
  });
}
