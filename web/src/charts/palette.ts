/** Theme colour names cycled across series, so both light and dark themes keep their contrast. */
export const seriesColors = ['primary', 'success', 'warning', 'error', 'info', 'secondary'] as const;

export function seriesColor(index: number): string {
  return `rgb(var(--v-theme-${seriesColors[index % seriesColors.length]}))`;
}
