import en from '../locales/en.json';
import ptBR from '../locales/pt-BR.json';
import type { ReportBody } from '../domain/report';
import { presentReport, type ReportLang, type ReportLocale, type ReportPresentation } from '../domain/reportText';
import type { Catalogue } from '../domain/serverText';

/** The locale files the dashboard uses are the reports' catalogue too: one set of words. */
const CATALOGUES: Record<ReportLang, Catalogue> = { en: en as unknown as Catalogue, 'pt-BR': ptBR as unknown as Catalogue };

export const ENGLISH_CATALOGUE = CATALOGUES.en;

export function reportCatalogue(lang: ReportLang): Catalogue {
  return CATALOGUES[lang];
}

export function reportPresentation(body: ReportBody, loc: ReportLocale): ReportPresentation {
  return presentReport(reportCatalogue(loc.lang), ENGLISH_CATALOGUE, body, loc);
}
