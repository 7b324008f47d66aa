import { type Person, PersonSchema, type Role } from "../domain/person.ts";
import type { Actor } from "./audit-log.ts";
import type { ChangeVersions } from "./change-versions.ts";
import type { DocumentRepo, Versioned } from "./document-repo.ts";
import { VersionedCache } from "./versioned-cache.ts";

/**
 * The directory: who may do what, keyed by lower-cased email. Every turn asks it who is speaking
 * (so a role change applies at once); with the store in this process, reads are remembered until
 * the directory changes.
 */
export class PeopleRepo {
  private readonly cache: VersionedCache;

  constructor(
    readonly docs: DocumentRepo<Person>,
    versions?: ChangeVersions,
  ) {
    this.cache = new VersionedCache(versions, docs.container.id);
  }

  get(email: string): Promise<Versioned<Person> | null> {
    const id = email.trim().toLowerCase();
    return this.cache.get(`person:${id}`, () => this.docs.read(id, id));
  }

  list(): Promise<Person[]> {
    return this.cache.get("list", async () => {
      const people = await this.docs.query("SELECT * FROM c");
      return people.sort((a, b) => a.email.localeCompare(b.email));
    });
  }

  /**
   * Everyone holding any of `roles` (e.g. DMT, for sign-off cards), read without the rest of the
   * directory: a council's directory holds hundreds of leads, and a submit should not read them all.
   */
  async withAnyRole(roles: readonly Role[]): Promise<Person[]> {
    if (roles.length === 0) return [];
    return this.cache.get(`roles:${roles.join(",")}`, async () => {
      const people = await this.docs.query({
        query: `SELECT * FROM c WHERE ${roles.map((_, i) => `ARRAY_CONTAINS(c.roles, @role${i})`).join(" OR ")}`,
        parameters: roles.map((role, i) => ({ name: `@role${i}`, value: role })),
      });
      return people.sort((a, b) => a.email.localeCompare(b.email));
    });
  }

  save(person: Person, actor: Actor, before: Person | null): Promise<Versioned<Person>> {
    return this.docs.upsert(person, actor, before);
  }

  remove(person: Person, actor: Actor): Promise<void> {
    return this.docs.delete(person, actor);
  }
}

export const personRepoOptions = {
  schema: PersonSchema,
  kind: "person",
  idOf: (p: Person) => p.id,
  partitionOf: (p: Person) => p.id,
  describe: (before: Person | null, after: Person | null) => {
    const p = (after ?? before) as Person;
    if (!after) return `${p.email} removed from the directory`;
    return `${p.email}: roles ${after.roles.join(", ") || "none"}; leads ${after.leads.join(" | ") || "none"}`;
  },
};
