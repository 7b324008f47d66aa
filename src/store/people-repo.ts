import { type Person, PersonSchema, type Role } from "../domain/person.ts";
import type { Actor } from "./audit-log.ts";
import type { DocumentRepo, Versioned } from "./document-repo.ts";

/** The directory: who may do what, keyed by lower-cased email. */
export class PeopleRepo {
  constructor(readonly docs: DocumentRepo<Person>) {}

  get(email: string): Promise<Versioned<Person> | null> {
    const id = email.trim().toLowerCase();
    return this.docs.read(id, id);
  }

  async list(): Promise<Person[]> {
    const people = await this.docs.query("SELECT * FROM c");
    return people.sort((a, b) => a.email.localeCompare(b.email));
  }

  /**
   * Everyone holding any of `roles` (e.g. DMT, for sign-off cards), read without the rest of the
   * directory: a council's directory holds hundreds of leads, and a submit should not read them all.
   */
  async withAnyRole(roles: readonly Role[]): Promise<Person[]> {
    if (roles.length === 0) return [];
    const people = await this.docs.query({
      query: `SELECT * FROM c WHERE ${roles.map((_, i) => `ARRAY_CONTAINS(c.roles, @role${i})`).join(" OR ")}`,
      parameters: roles.map((role, i) => ({ name: `@role${i}`, value: role })),
    });
    return people.sort((a, b) => a.email.localeCompare(b.email));
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
