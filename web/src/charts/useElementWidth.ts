import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/**
 * Tracks an element's width so charts draw in real pixels: a scaled viewBox would shrink axis
 * labels to an unreadable size on a phone.
 */
export function useElementWidth(target: Ref<HTMLElement | undefined>, fallback = 800): Ref<number> {
  const width = ref(fallback);
  let observer: ResizeObserver | undefined;
  onMounted(() => {
    if (!target.value) return;
    width.value = target.value.clientWidth || fallback;
    if (typeof ResizeObserver === 'undefined') return;
    observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.width;
      if (measured) width.value = measured;
    });
    observer.observe(target.value);
  });
  onBeforeUnmount(() => observer?.disconnect());
  return width;
}
