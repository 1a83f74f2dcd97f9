import { ref, watch } from 'vue';

const storageKey = 'smart-maintenance.operator';

function initial(): string {
  try {
    return localStorage.getItem(storageKey) ?? '';
  } catch {
    return '';
  }
}

/** The operator id is remembered so a person deciding repeatedly types it once. */
export const operatorId = ref(initial());

watch(operatorId, (value) => {
  try {
    localStorage.setItem(storageKey, value);
  } catch {
    // Storage may be unavailable; the value then lasts for this tab.
  }
});
