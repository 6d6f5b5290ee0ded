import { ValidateBy, type ValidationOptions } from 'class-validator';
import { emailProblem } from './email-address.js';
import { passwordProblem } from '../passwords/password-policy.js';

/**
 * class-validator decorators applying the same rules as {@link passwordProblem} and
 * {@link emailProblem}, so the API (BAD_USER_INPUT naming `input.password` / `input.email`) and
 * the admin:create command refuse exactly the same values.
 */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAcceptablePassword',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? (passwordProblem(args.value) ?? 'password is not acceptable')
            : 'password must be a string',
      },
    },
    options,
  );
}

export function IsAcceptableEmail(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAcceptableEmail',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && emailProblem(value) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? (emailProblem(args.value) ?? 'email is not acceptable')
            : 'email must be a string',
      },
    },
    options,
  );
}
