/**
 * Dates, sizes and prices in the UI's language. Making an Intl formatter costs far more than using
 * one (a table of 5,000 launch times spent most of its scrolling making them), so each kind is made
 * once per language and kept.
 */
import { useLabI18n } from '../i18n/use-lab-i18n';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateTimeFormat(locale: string, dateStyle: 'medium' | 'short'): Intl.DateTimeFormat {
  const key = `${locale}\u0000${dateStyle}`;
  let format = dateTimeFormats.get(key);
  if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle, timeStyle: 'medium' })));
  return format;
}

function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}\u0000${digits}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
  return format;
}

export function useFormat() {
  const { locale, t } = useLabI18n();

  function dateTime(value: Date | string | number | undefined): string {
    if (value === undefined) return '–';
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return '–';
    return dateTimeFormat(locale.value, 'medium').format(date);
  }

  function time(value: number): string {
    return dateTimeFormat(locale.value, 'short').format(new Date(value));
  }

  function number(value: number, digits = 0): string {
    return numberFormat(locale.value, digits).format(value);
  }

  function gibFromMib(mib: number | undefined): string {
    return mib === undefined ? '–' : number(mib / 1024, 3);
  }

  /** "0.0104 USD per Hour", as the wizard prints on-demand prices. */
  function pricePerHour(usd: number | undefined): string {
    if (usd === undefined) return t('common.priceUnavailable');
    return t('common.pricePerHour', { price: usd.toFixed(4) });
  }

  return { dateTime, time, number, gibFromMib, pricePerHour };
}
