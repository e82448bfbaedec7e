import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isFixedDefault, isRuleSetting } from '../resolution/definitions';

/** `true`, `false` or `{"rule": <JSONLogic>}`; the rule itself is checked against the topic's context later. */
export const IsFlagSetting = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isFlagSetting', validator: { validate: (value) => typeof value === 'boolean' || isRuleSetting(value), defaultMessage: (args) => `${args?.property} must be true, false or {"rule": <JSONLogic>}` } }, options);

/** `{"fixed": <value>}` or `{"rule": <JSONLogic>}`; the value is checked against the attribute's type later. */
export const IsDefaultSetting = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isDefaultSetting', validator: { validate: (value) => isFixedDefault(value) || isRuleSetting(value), defaultMessage: (args) => `${args?.property} must be {"fixed": <value>} or {"rule": <JSONLogic>}` } }, options);

/** A bound is a number (values, lengths) or an ISO date or instant (dates). */
export const IsBound = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isBound', validator: { validate: (value) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 40), defaultMessage: (args) => `${args?.property} must be a number or an ISO date` } }, options);
