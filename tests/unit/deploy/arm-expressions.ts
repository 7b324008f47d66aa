/**
 * Enough of ARM's template expression language to read infra/azure.json offline: literals,
 * parameters(), variables() with property access, concat(), toLower(), and reference() and
 * resourceGroup(), whose values only Azure knows, answered from `platform`.
 */
export interface ArmContext {
  parameters: Record<string, unknown>;
  variables: Record<string, unknown>;
  /** `reference(<resourceId expression>, ...).<property>` → a value like Azure's. */
  reference(resourceType: string, property: string): unknown;
  location: string;
}

type Node =
  | { kind: "literal"; value: unknown }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "property"; target: Node; name: string }
  | { kind: "index"; target: Node; index: Node };

export function isExpression(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("[") && !value.startsWith("[[");
}

/** Evaluates a template value: expressions inside strings, objects and arrays. */
export function evaluate(value: unknown, ctx: ArmContext): unknown {
  if (isExpression(value)) return run(parse(value.slice(1, -1)), ctx);
  if (Array.isArray(value)) return value.map((v) => evaluate(v, ctx));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, ctx)]));
  }
  return value;
}

/** Every call in an expression (name and first argument when it is a literal). */
export function calls(expression: string): { name: string; firstArg?: unknown }[] {
  const found: { name: string; firstArg?: unknown }[] = [];
  const walk = (node: Node): void => {
    if (node.kind === "call") {
      const first = node.args[0];
      found.push({
        name: node.name,
        firstArg: first?.kind === "literal" ? first.value : undefined,
      });
      node.args.forEach(walk);
    } else if (node.kind === "property") walk(node.target);
    else if (node.kind === "index") {
      walk(node.target);
      walk(node.index);
    }
  };
  walk(parse(expression.slice(1, -1)));
  return found;
}

function parse(source: string): Node {
  let at = 0;
  const skip = () => {
    while (source[at] === " ") at++;
  };
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at} in [${source}]`);
  };
  const primary = (): Node => {
    skip();
    if (source[at] === "'") {
      let text = "";
      at++;
      for (;;) {
        if (at >= source.length) fail("unclosed string");
        if (source[at] === "'") {
          if (source[at + 1] === "'") {
            text += "'";
            at += 2;
            continue;
          }
          at++;
          break;
        }
        text += source[at++];
      }
      return { kind: "literal", value: text };
    }
    const number = /^-?\d+/.exec(source.slice(at));
    if (number) {
      at += number[0].length;
      return { kind: "literal", value: Number(number[0]) };
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(source.slice(at))?.[0];
    if (!name) return fail("expected a value");
    at += name.length;
    skip();
    if (source[at] !== "(") return fail(`expected ( after ${name}`);
    at++;
    const args: Node[] = [];
    skip();
    if (source[at] === ")") at++;
    else {
      for (;;) {
        args.push(postfix());
        skip();
        if (source[at] === ",") {
          at++;
          continue;
        }
        if (source[at] === ")") {
          at++;
          break;
        }
        fail("expected , or )");
      }
    }
    return { kind: "call", name: name.toLowerCase(), args };
  };
  const postfix = (): Node => {
    let node = primary();
    for (;;) {
      if (source[at] === ".") {
        at++;
        const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(at))?.[0];
        if (!name) return fail("expected a property name");
        at += name.length;
        node = { kind: "property", target: node, name };
      } else if (source[at] === "[") {
        at++;
        const index = postfix();
        if (source[at] !== "]") return fail("expected ]");
        at++;
        node = { kind: "index", target: node, index };
      } else return node;
    }
  };
  const node = postfix();
  skip();
  if (at !== source.length) fail("unexpected text");
  return node;
}

function run(node: Node, ctx: ArmContext): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "property": {
      if (node.target.kind === "call" && node.target.name === "reference") {
        const target = node.target.args[0];
        const type =
          target?.kind === "call" && target.name === "resourceid"
            ? run(target.args[0] as Node, ctx)
            : "";
        return ctx.reference(String(type), node.name);
      }
      const target = run(node.target, ctx) as Record<string, unknown>;
      return target?.[node.name];
    }
    case "index": {
      const target = run(node.target, ctx) as Record<string, unknown>;
      return target?.[String(run(node.index, ctx))];
    }
    case "call": {
      const args = () => node.args.map((a) => run(a, ctx));
      switch (node.name) {
        case "parameters":
          return ctx.parameters[String(args()[0])];
        case "variables":
          return evaluate(ctx.variables[String(args()[0])], ctx);
        case "concat":
          return args().map(String).join("");
        case "tolower":
          return String(args()[0]).toLowerCase();
        case "resourcegroup":
          return { location: ctx.location };
        case "resourceid":
          return `/subscriptions/sub/resourceGroups/rg/providers/${args().map(String).join("/")}`;
        default:
          throw new Error(`${node.name}() is not known to this reader`);
      }
    }
  }
}
