import { BadRequestError } from '../http/errors.ts';

/** A `locale` the settings do not configure: the widget offers only configured ones. */
export class UnknownLocaleError extends BadRequestError {
  constructor(locale: string) {
    super(`locale: "${locale.slice(0, 35)}" is not configured`, 'unknown_locale');
  }
}
