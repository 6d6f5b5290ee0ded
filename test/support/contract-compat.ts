import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

type AnyType = GraphQLType;

function shape(type: AnyType): string {
  return type.toString();
}

/**
 * Output positions (fields): the implementation may return a narrower type than the contract
 * promises: non-null where the contract says nullable, never the reverse.
 */
function outputCompatible(contract: AnyType, actual: AnyType): boolean {
  if (isNonNullType(contract))
    return isNonNullType(actual) && outputCompatible(contract.ofType, actual.ofType);
  if (isNonNullType(actual)) return outputCompatible(contract, actual.ofType);
  if (isListType(contract)) return isListType(actual) && outputCompatible(contract.ofType, actual.ofType);
  if (isListType(actual)) return false;
  return contract.name === actual.name;
}

/**
 * Input positions (arguments, input fields): the implementation must accept everything the contract
 * lets clients send: nullable where the contract says non-null is fine, never the reverse.
 */
function inputCompatible(contract: AnyType, actual: AnyType): boolean {
  if (isNonNullType(actual))
    return isNonNullType(contract) && inputCompatible(contract.ofType, actual.ofType);
  if (isNonNullType(contract)) return inputCompatible(contract.ofType, actual);
  if (isListType(contract)) return isListType(actual) && inputCompatible(contract.ofType, actual.ofType);
  if (isListType(actual)) return false;
  return contract.name === actual.name;
}

function requiredWithoutDefault(arg: GraphQLArgument | GraphQLInputField): boolean {
  return isNonNullType(arg.type) && arg.defaultValue === undefined;
}

/**
 * Every element the contract names (`Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`) that the
 * generated schema lacks or has with an incompatible type, each with the reason.
 */
export function contractGaps(contract: GraphQLSchema, actual: GraphQLSchema): Map<string, string> {
  const gaps = new Map<string, string>();
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const mine = actual.getType(type.name);
    if (!mine) {
      if (!isScalarType(type) || !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
        gaps.set(type.name, 'missing type');
      continue;
    }
    if (mine.constructor !== type.constructor) {
      gaps.set(type.name, `is a ${mine.constructor.name}, the contract says ${type.constructor.name}`);
      continue;
    }
    if (isEnumType(type) && isEnumType(mine)) {
      for (const value of type.getValues()) {
        if (!mine.getValue(value.name)) gaps.set(`${type.name}.${value.name}`, 'missing enum value');
      }
    } else if (
      (isObjectType(type) || isInterfaceType(type)) &&
      (isObjectType(mine) || isInterfaceType(mine))
    ) {
      const fields = mine.getFields();
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        const key = `${type.name}.${field.name}`;
        const have = fields[field.name];
        if (!have) {
          gaps.set(key, 'missing field');
          continue;
        }
        if (!outputCompatible(field.type, have.type)) {
          gaps.set(key, `type ${shape(have.type)}, the contract says ${shape(field.type)}`);
        }
        for (const arg of field.args) {
          const haveArg = have.args.find((a) => a.name === arg.name);
          if (!haveArg) gaps.set(`${key}(${arg.name})`, 'missing argument');
          else if (!inputCompatible(arg.type, haveArg.type)) {
            gaps.set(
              `${key}(${arg.name})`,
              `type ${shape(haveArg.type)}, the contract says ${shape(arg.type)}`,
            );
          }
        }
        for (const extra of have.args) {
          if (!field.args.some((a) => a.name === extra.name) && requiredWithoutDefault(extra)) {
            gaps.set(`${key}(${extra.name})`, 'a required argument the contract does not have');
          }
        }
      }
    } else if (isInputObjectType(type) && isInputObjectType(mine)) {
      const fields = mine.getFields();
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        const have = fields[field.name];
        if (!have) gaps.set(key, 'missing input field');
        else if (!inputCompatible(field.type, have.type)) {
          gaps.set(key, `type ${shape(have.type)}, the contract says ${shape(field.type)}`);
        }
      }
      for (const extra of Object.values(fields)) {
        if (!type.getFields()[extra.name] && requiredWithoutDefault(extra)) {
          gaps.set(`${type.name}.${extra.name}`, 'a required input field the contract does not have');
        }
      }
    } else if (isUnionType(type) && isUnionType(mine)) {
      for (const member of type.getTypes()) {
        if (!mine.getTypes().some((t) => t.name === member.name))
          gaps.set(`${type.name}|${member.name}`, 'missing union member');
      }
    }
  }
  return gaps;
}

/** `contract-todo.txt`: one element a line; blank lines and `#` comments ignored. */
export function parseTodo(text: string): Set<string> {
  return new Set(
    text
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter(Boolean),
  );
}
