import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DELIVERY_RANK, deliveryOutcome, outranks, providerIdCandidates, readDeliveryEvents, type DeliveryEvent, type DeliveryStatus } from "./events";

const ID = "5f0c2a43-9a57-4c1e-9f7e-2d6a1b0c9e11";
/** Shaped as SendGrid documents its events (the custom argument as a top-level key). */
function sendgridEvent(overrides: Record<string, unknown>) {
  return {
    email: "warga@example.test",
    timestamp: 1_800_000_000,
    "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>",
    event: "delivered",
    category: ["complaint.question"],
    sg_event_id: "rbtnWrG1DVDGGGFHFyun0A==",
    sg_message_id: "Gkqzr8e8TYiV0ESqBY3UOQ.filterdrecv-p3iad2-5f8f9c6b6b-xk2lb-18-5A0C0F1B-6.0",
    email_message_id: ID,
    ...overrides,
  };
}

const read = (items: unknown[]) => readDeliveryEvents(items)!.events;

describe("reading an event batch", () => {
  it("reads SendGrid's fields and our custom argument, dropping everything else", () => {
    const [event] = read([sendgridEvent({ ip: "203.0.113.9", useragent: "x", response: "250 OK warga@example.test" })]);
    expect(event).toEqual({
      event: "delivered",
      timestamp: 1_800_000_000,
      email: "warga@example.test",
      emailMessageId: ID,
      sgMessageId: "Gkqzr8e8TYiV0ESqBY3UOQ.filterdrecv-p3iad2-5f8f9c6b6b-xk2lb-18-5A0C0F1B-6.0",
      sgEventId: "rbtnWrG1DVDGGGFHFyun0A==",
      type: null,
      dropReason: null,
      smtpStatus: null,
      bounceClassification: null,
    });
  });

  it("skips malformed events one by one and keeps the rest; a batch that is not an array is refused", () => {
    const batch = [sendgridEvent({}), null, 7, "x", [], { event: "delivered" }, sendgridEvent({ timestamp: "soon" }), sendgridEvent({ event: "" }), sendgridEvent({ event: "bounce", type: "bounce" })];
    const result = readDeliveryEvents(batch)!;
    expect(result.events.map((e) => e.event)).toEqual(["delivered", "bounce"]);
    expect(result.skipped).toBe(7);
    expect(readDeliveryEvents({ event: "delivered" })).toBeNull();
    expect(readDeliveryEvents("[]")).toBeNull();
    expect(readDeliveryEvents([])).toEqual({ events: [], skipped: 0 });
  });

  it("reads an id that is not ours, an SMTP status of another shape, or an oversized field as absent, not as an error", () => {
    const [event] = read([sendgridEvent({ email_message_id: "' OR 1=1 --", status: "five", sg_message_id: "x".repeat(300), email: { a: 1 }, type: 42 })]);
    expect(event).toMatchObject({ emailMessageId: null, smtpStatus: null, sgMessageId: null, email: null, type: null });
    expect(read([sendgridEvent({ email_message_id: ID.toUpperCase(), timestamp: "1800000000" })])[0]).toMatchObject({ emailMessageId: ID, timestamp: 1_800_000_000 });
  });

  it("never throws, whatever the batch holds", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), fc.record({ event: fc.string(), timestamp: fc.oneof(fc.integer(), fc.string()), email_message_id: fc.string(), status: fc.string(), type: fc.string() }))), (batch) => {
        const result = readDeliveryEvents(batch)!;
        expect(result.events.length + result.skipped).toBe(batch.length);
        for (const event of result.events) deliveryOutcome(event);
      }),
    );
  });
});

function event(overrides: Partial<DeliveryEvent>): DeliveryEvent {
  return { event: "delivered", timestamp: 1_800_000_000, email: null, emailMessageId: null, sgMessageId: null, sgEventId: null, type: null, dropReason: null, smtpStatus: null, bounceClassification: null, ...overrides };
}

describe("what an event means", () => {
  it("a hard bounce, a drop for the address, a spam report and an unsubscribe make the address undeliverable", () => {
    expect(deliveryOutcome(event({ event: "bounce", type: "bounce", smtpStatus: "5.1.1", bounceClassification: "Invalid Address" }))).toEqual({ status: "BOUNCED", reason: "bounce 5.1.1 invalid-address", undeliverable: true });
    // SendGrid's older bounces carry no type: a hard bounce.
    expect(deliveryOutcome(event({ event: "bounce" }))).toEqual({ status: "BOUNCED", reason: "bounce", undeliverable: true });
    for (const [reason, code] of [
      ["Bounced Address", "dropped bounced-address"],
      ["Invalid", "dropped invalid-address"],
      ["Unsubscribed Address", "dropped unsubscribed-address"],
      ["Spam Reporting Address", "dropped spam-reporting-address"],
    ]) {
      expect(deliveryOutcome(event({ event: "dropped", dropReason: reason! }))).toEqual({ status: "DROPPED", reason: code, undeliverable: true });
    }
    expect(deliveryOutcome(event({ event: "spamreport" }))).toEqual({ status: "SPAM_REPORT", reason: "spamreport", undeliverable: true });
    expect(deliveryOutcome(event({ event: "unsubscribe" }))).toEqual({ status: "UNSUBSCRIBED", reason: "unsubscribe", undeliverable: true });
  });

  it("a soft bounce (blocked), a deferral, a drop for the message's sake and a delivery are recorded only", () => {
    expect(deliveryOutcome(event({ event: "bounce", type: "blocked", smtpStatus: "4.7.1", bounceClassification: "Reputation" }))).toEqual({ status: "BLOCKED", reason: "blocked 4.7.1 reputation", undeliverable: false });
    expect(deliveryOutcome(event({ event: "deferred", smtpStatus: "4.2.2" }))).toEqual({ status: "DEFERRED", reason: "deferred 4.2.2", undeliverable: false });
    expect(deliveryOutcome(event({ event: "dropped", dropReason: "Spam Content (if spam checker app enabled)" }))).toEqual({ status: "DROPPED", reason: "dropped other", undeliverable: false });
    expect(deliveryOutcome(event({ event: "delivered" }))).toEqual({ status: "DELIVERED", reason: "delivered", undeliverable: false });
  });

  it("ignores events we do not keep", () => {
    for (const name of ["processed", "open", "click", "group_unsubscribe", "group_resubscribe", "machine_opened", "anything"]) expect(deliveryOutcome(event({ event: name }))).toBeNull();
  });

  it("never keeps SendGrid's free text: a bounce classification outside its fixed list is left out", () => {
    const outcome = deliveryOutcome(event({ event: "bounce", bounceClassification: "Mailbox of warga@example.test is full" }));
    expect(outcome?.reason).toBe("bounce");
  });
});

describe("which outcome a message keeps", () => {
  const at = (seconds: number) => new Date(seconds * 1000);
  const statuses = Object.keys(DELIVERY_RANK) as DeliveryStatus[];

  it("a delivery after a bounce does not undo it; a spam report after a delivery replaces it", () => {
    expect(outranks({ status: "DELIVERED", at: at(20) }, { status: "BOUNCED", at: at(10) })).toBe(false);
    expect(outranks({ status: "SPAM_REPORT", at: at(20) }, { status: "DELIVERED", at: at(10) })).toBe(true);
    expect(outranks({ status: "DEFERRED", at: at(5) }, { status: null, at: null })).toBe(true);
  });

  it("the same event again changes nothing; of two equally strong, the later wins", () => {
    expect(outranks({ status: "BOUNCED", at: at(10) }, { status: "BOUNCED", at: at(10) })).toBe(false);
    expect(outranks({ status: "DEFERRED", at: at(30) }, { status: "DEFERRED", at: at(10) })).toBe(true);
  });

  it("the kept outcome is the same in whatever order the events arrive", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ status: fc.constantFrom(...statuses), at: fc.integer({ min: 1, max: 1_000 }).map(at) }), { minLength: 1, maxLength: 8 }), fc.infiniteStream(fc.nat()), (events, seeds) => {
        const apply = (list: typeof events) => list.reduce<{ status: DeliveryStatus | null; at: Date | null }>((current, next) => (outranks(next, current) ? next : current), { status: null, at: null });
        const shuffled = [...events].sort(() => (seeds.next().value % 3) - 1);
        const a = apply(events);
        const b = apply(shuffled);
        expect([b.status, b.at?.getTime()]).toEqual([a.status, a.at?.getTime()]);
      }),
    );
  });
});

describe("SendGrid's message id", () => {
  it("gives every dotted prefix, longest first, so the X-Message-Id we stored is among them", () => {
    expect(providerIdCandidates("Gkqzr8e8TYiV0ESqBY3UOQ.filterdrecv-p3iad2.0")).toEqual(["Gkqzr8e8TYiV0ESqBY3UOQ.filterdrecv-p3iad2.0", "Gkqzr8e8TYiV0ESqBY3UOQ.filterdrecv-p3iad2", "Gkqzr8e8TYiV0ESqBY3UOQ"]);
    // An older id with dots of its own.
    expect(providerIdCandidates("14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0")).toContain("14c5d75ce93.dfd.64b469");
    expect(providerIdCandidates("a.".repeat(100)).length).toBeLessThanOrEqual(12);
  });
});
