import 'reflect-metadata';
import { Args, Parent } from '@nestjs/graphql';
import { IsInt } from 'class-validator';
import { BadUserInputError } from './domain-error.js';
import { InputValidationPipe } from './input-validation.pipe.js';

class Shape {
  @IsInt()
  n!: number;
}

/** A resolver method as Nest sees it: the parameter types come from the real decorators. */
class Probe {
  field(@Parent() _parent: Shape, @Args('input') _input: Shape): void {}
}

function paramType(index: number): never {
  const keys = Object.keys(Reflect.getMetadata('__routeArguments__', Probe, 'field') as object);
  const key = keys.find((k) => k.endsWith(`:${index}`));
  if (!key) throw new Error(`no parameter ${index} in ${keys.join(', ')}`);
  return Number(key.split(':')[0]) as never;
}

describe('the global input pipe', () => {
  const pipe = new InputValidationPipe();

  it('validates arguments, naming the field under the argument', async () => {
    const error = await pipe
      .transform({ n: 'x' }, { type: paramType(1), metatype: Shape, data: 'input' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).fields.map((f) => f.field)).toEqual(['input.n']);
  });

  it('passes the parent object of a field through untouched (our output, not client input)', async () => {
    const parent = { n: 'not validated', extra: () => 1 };
    await expect(pipe.transform(parent, { type: paramType(0), metatype: Shape })).resolves.toBe(parent);
  });
});
