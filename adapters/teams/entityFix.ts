/**
 * Workaround for a botbuilder 4.23.3 bug: outgoing `activity.entities` lose every property but
 * `type` on the way to the channel, so Teams never sees the citation entity's claims.
 *
 * Why: the connector serializes activities with @azure/core-client's serializer. For arrays of
 * composite models it swaps the element mapper for the model mapper of the same class name
 * (`Entity`), and that mapper declares only `type` and no `additionalProperties`, so everything
 * else is dropped. Fixed upstream (microsoft/botbuilder-js#4903) after 4.23.3 was published; this
 * gives the shared `Entity` mapper the additional properties the Activity schema already allows.
 * Remove it when botbuilder is upgraded past the fix (the integration test will still pass).
 */
import { Entity } from 'botframework-connector/lib/connectorApi/models/mappers.js';

interface CompositeMapperLike {
  type: { name: string; className?: string; additionalProperties?: unknown };
}

/** Idempotent; applies to every connector client in the process (the mapper is module state). */
export function applyEntitySerializationFix(
  mapper: CompositeMapperLike = Entity as CompositeMapperLike,
): void {
  if (mapper.type.name === 'Composite' && !mapper.type.additionalProperties) {
    mapper.type.additionalProperties = { type: { name: 'Object' } };
  }
}
