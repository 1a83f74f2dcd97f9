/**
 * The dashboard's date and number formats, one set for both languages (Intl supplies the
 * language's own separators and order). Shared by the app and the component tests.
 */

/**
 * Date formats in `timeZone`; undefined means the browser's zone, which is the reader's: an
 * instant from the server (always UTC) is shown on the reader's clock.
 */
export function dateTimeFormats(timeZone?: string) {
  const zone = timeZone ? { timeZone } : {};
  return {
    short: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', ...zone },
    long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', ...zone },
    time: { hour: '2-digit', minute: '2-digit', second: '2-digit', ...zone },
    date: { year: 'numeric', month: 'short', day: 'numeric', ...zone },
    // An instant the server sent inside a message: with the zone's name, so a deadline is unambiguous.
    zoned: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', ...zone },
  } as const;
}

export const numberFormats = {
  decimal: { style: 'decimal', maximumFractionDigits: 3 },
  significant: { style: 'decimal', maximumSignificantDigits: 3 },
  integer: { style: 'decimal', maximumFractionDigits: 0 },
  percent: { style: 'percent', maximumFractionDigits: 1 },
  milliseconds: { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 1 },
  seconds: { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 0 },
} as const;
