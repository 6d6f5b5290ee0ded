import { Extensions } from '@nestjs/graphql';
import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  coerceInputValue,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInputType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  typeFromAST,
  valueFromAST,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../errors/error-codes.js';
import { clip } from '../errors/clip.js';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-args.js';

export interface GraphqlLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  production: boolean;
}

/**
 * Root fields of which one request may run at most one (counted over the executed operation,
 * aliases and fragments included): each hashes a password, sends an e-mail or checks a secret,
 * so aliases would multiply that work and the guesses of one request past any rate limit.
 * Names not in the schema (yet) are harmless.
 */
export const ACCOUNT_OPERATIONS: readonly string[] = [
  'register',
  'login',
  'refreshToken',
  'requestPasswordReset',
  'resetPassword',
  'changePassword',
  'requestEmailVerification',
  'verifyEmail',
];

/** A field's own cost: a number, or computed from its (coerced) arguments. */
export type FieldCost = number | ((args: Record<string, unknown>) => number);

/**
 * Declares what a field costs by itself in the query cost estimate (default 1), on top of its
 * children: use it for fields that run SQL over a whole set (totals, facets, search).
 */
export function Cost(cost: FieldCost): MethodDecorator & PropertyDecorator {
  return Extensions({ cost });
}

/** Introspection (`__schema`, `__type`) is refused in production and free elsewhere (GraphiQL needs depth 15). */
function isIntrospection(name: string): boolean {
  return name === '__schema' || name === '__type';
}

/**
 * What a selection set adds up to. `perItem` is the cost of the `edges` of a connection, which the
 * connection field multiplies by its page size; `once` is everything else (totals, facets,
 * pageInfo), counted once whatever the page size.
 */
interface Measure {
  depth: number;
  aliases: number;
  once: number;
  perItem: number;
}

const NOTHING: Measure = { depth: 0, aliases: 0, once: 0, perItem: 0 };

/** Cost, depth and aliases of the executed operation, one walk with every fragment measured once. */
export class OperationMeasure {
  private readonly fragments = new Map<string, Measure | 'measuring'>();
  constructor(
    private readonly context: ValidationContext,
    private readonly variables: Record<string, unknown>,
  ) {}

  operation(operation: OperationDefinitionNode): { depth: number; aliases: number; cost: number } {
    const schema = this.context.getSchema();
    const root = schema.getRootType(operation.operation);
    const m = this.selectionSet(operation.selectionSet, root ?? undefined);
    return { depth: m.depth, aliases: m.aliases, cost: m.once + m.perItem };
  }

  private selectionSet(set: SelectionSetNode, parent: GraphQLNamedType | undefined): Measure {
    const total = { ...NOTHING };
    const add = (m: Measure, bucket: 'once' | 'perItem' | 'both') => {
      total.depth = Math.max(total.depth, m.depth);
      total.aliases += m.aliases;
      if (bucket === 'both') {
        total.once += m.once;
        total.perItem += m.perItem;
      } else {
        total[bucket] += m.once + m.perItem;
      }
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const field =
          parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        const child = selection.selectionSet
          ? this.selectionSet(selection.selectionSet, field ? getNamedType(field.type) : undefined)
          : NOTHING;
        const aliases = child.aliases + (selection.alias ? 1 : 0);
        if (isIntrospection(name)) {
          add({ ...NOTHING, aliases }, 'once');
          continue;
        }
        const cost = field ? this.fieldCost(field, selection, child) : name === '__typename' ? 1 : 0;
        add(
          { depth: 1 + child.depth, aliases, once: cost, perItem: 0 },
          name === 'edges' ? 'perItem' : 'once',
        );
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? this.context.getSchema().getType(selection.typeCondition.name.value)
          : parent;
        add(this.selectionSet(selection.selectionSet, type ?? undefined), 'both');
      } else {
        add(this.fragment(selection.name.value), 'both');
      }
    }
    return total;
  }

  private fragment(name: string): Measure {
    const known = this.fragments.get(name);
    // A cycle is refused by GraphQL's own rules; it adds nothing here.
    if (known === 'measuring') return NOTHING;
    if (known) return known;
    const fragment = this.context.getFragment(name);
    if (!fragment) return NOTHING;
    this.fragments.set(name, 'measuring');
    const type = this.context.getSchema().getType(fragment.typeCondition.name.value);
    const measured = this.selectionSet(fragment.selectionSet, type ?? undefined);
    this.fragments.set(name, measured);
    return measured;
  }

  /**
   * A field's own cost (its `cost` extension, else 1) plus its children: a connection (a field with
   * a `first` argument) counts its edges `first` times and the rest once; another list counts its
   * children 10 times.
   */
  private fieldCost(
    field: GraphQLField<unknown, unknown>,
    node: Parameters<typeof getArgumentValues>[1],
    child: Measure,
  ): number {
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(field, node, this.variables);
    } catch {
      // A wrong argument is reported by GraphQL's own rules; estimate with none.
    }
    const declared = field.extensions?.cost as FieldCost | undefined;
    const own = typeof declared === 'function' ? declared(args) : typeof declared === 'number' ? declared : 1;
    if (field.name === 'edges') return own + child.once + child.perItem;
    if (field.args.some((a) => a.name === 'first')) {
      const first = typeof args.first === 'number' ? Math.max(args.first, 0) : DEFAULT_PAGE_SIZE;
      return own + child.once + child.perItem * first;
    }
    if (isListType(getNullableType(field.type))) return own + (child.once + child.perItem) * 10;
    return own + child.once + child.perItem;
  }
}

/** The operation that will run: the named one, or the only one (none when that is ambiguous). */
export function executedOperation(
  document: DocumentNode,
  operationName: string | undefined | null,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * Coerces the request's variables for `operation` as execution will, reporting each bad one as
 * BAD_USER_INPUT naming the variable. GraphQL's own messages quote the whole value; these never do.
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
  report: (error: GraphQLError) => void,
): Record<string, unknown> | null {
  const coerced: Record<string, unknown> = {};
  let failed = false;
  const problem = (name: string, path: readonly (string | number)[], reason: string) => {
    failed = true;
    const field = clip(['$' + name, ...path].join('.'), 120);
    const message = clip(reason, 200);
    report(
      new GraphQLError(`Variable "${field}" has an invalid value: ${message}`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ field, message }] },
      }),
    );
  };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    // An unknown or non-input type is reported by GraphQL's own rules.
    if (!type || !isInputType(type)) continue;
    if (!Object.prototype.hasOwnProperty.call(inputs, name)) {
      if (definition.defaultValue) coerced[name] = valueFromAST(definition.defaultValue, type);
      else if (isNonNullType(type)) problem(name, [], 'is required');
      continue;
    }
    const value = inputs[name];
    if (value === null && isNonNullType(type)) {
      problem(name, [], 'must not be null');
      continue;
    }
    let first = true;
    coerced[name] = coerceInputValue(value, type, (path, _invalid, error) => {
      // One problem per variable is enough to answer, and bounds the work on a huge list.
      if (first) problem(name, path, withoutQuotedValues(error.message));
      first = false;
    });
  }
  return failed ? null : coerced;
}

/**
 * GraphQL's coercion messages quote the client's value (`Int cannot represent non-integer value:
 * "xxx…"`); keep what precedes the first `:` followed by a quote, a bracket or a brace.
 */
function withoutQuotedValues(message: string): string {
  for (const marker of [': "', ': {', ': [']) {
    const at = message.indexOf(marker);
    if (at >= 0) return message.slice(0, at);
  }
  return message;
}

function tooComplex(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...extensions } });
}

/**
 * Depth, cost and aliases of the executed operation only (the others never run), in one walk that
 * measures each fragment once, however often it is spread; bad variables are refused first.
 */
export function operationLimitsRule(
  limits: Pick<GraphqlLimits, 'maxDepth' | 'maxCost' | 'maxAliases'>,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const operation = executedOperation(document, operationName);
      if (!operation) return false;
      const report = (error: GraphQLError) => context.reportError(error);
      const coerced = coerceVariables(context.getSchema(), operation, variables ?? {}, report);
      if (!coerced) return false;
      const { depth, aliases, cost } = new OperationMeasure(context, coerced).operation(operation);
      if (depth > limits.maxDepth)
        report(
          tooComplex(`The query depth is ${depth}, more than the limit of ${limits.maxDepth}`, {
            limit: 'depth',
            max: limits.maxDepth,
            actual: depth,
          }),
        );
      if (aliases > limits.maxAliases)
        report(
          tooComplex(`The query uses more than ${limits.maxAliases} aliases`, {
            limit: 'aliases',
            max: limits.maxAliases,
          }),
        );
      if (cost > limits.maxCost)
        report(
          tooComplex(`The query costs ${cost}, more than the limit of ${limits.maxCost}`, {
            limit: 'cost',
            max: limits.maxCost,
            actual: cost,
          }),
        );
      return false;
    },
  });
}

/**
 * Refuses an executed operation that runs more than one of `fieldNames` at its root. Root fields
 * are collected as execution collects them (a fragment spread twice at one level runs once), so
 * the count is of the calls that would really run.
 */
export function oneOfRootFieldsRule(
  fieldNames: readonly string[],
  operationName: string | undefined | null,
): ValidationRule {
  const names = new Set(fieldNames);
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const operation = executedOperation(document, operationName);
      if (!operation) return false;
      const keys = new Set<string>();
      const visited = new Set<string>();
      const collect = (set: SelectionSetNode) => {
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            if (names.has(selection.name.value)) keys.add((selection.alias ?? selection.name).value);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            collect(selection.selectionSet);
          } else if (!visited.has(selection.name.value)) {
            visited.add(selection.name.value);
            const fragment = context.getFragment(selection.name.value);
            if (fragment) collect(fragment.selectionSet);
          }
        }
      };
      collect(operation.selectionSet);
      if (keys.size > 1)
        context.reportError(
          tooComplex(
            `A request may run at most one of ${fieldNames.join(', ')}; send them one request each`,
            { limit: 'accountOperations', max: 1, actual: keys.size },
          ),
        );
      return false;
    },
  });
}

/** Validation rules for one request: variables, depth, cost, aliases, account operations, no introspection in production. */
export function limitRules(
  limits: GraphqlLimits,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): ValidationRule[] {
  const rules: ValidationRule[] = [
    operationLimitsRule(limits, variables, operationName),
    oneOfRootFieldsRule(ACCOUNT_OPERATIONS, operationName),
  ];
  if (limits.production) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}
