import en from '../locales/en.json';
import { renderMessage, type Catalogue, type ServerMessage } from './serverText';

/** English in UTC: what the `message` fields carry for integrators that read text rather than codes. */
const ENGLISH = { locale: 'en-US', timeZone: 'UTC' };

/** A message as English text, from the same catalogue the dashboard uses. */
export function englishText(message: ServerMessage): string {
  return renderMessage(en as unknown as Catalogue, message, ENGLISH) ?? message.code;
}
