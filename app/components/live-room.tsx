import { Form } from "@remix-run/react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ChatComposer } from "./chat-composer";
import type { QuestionView, RoomSnapshot } from "~/domain/live/room.server";
import { formatTime } from "~/lib/format";
import type { Locale } from "~/lib/locales";
import { liveSocket, sendEvent } from "~/lib/socket.client";

type Message = RoomSnapshot["messages"][number];

/**
 * "static" is what the server renders and what a browser without JavaScript keeps: the room as
 * loaded, with a reload link. With JavaScript the room connects, goes live, and may drop and
 * come back ("offline" while Socket.IO reconnects); "ended" when the server let this tab go.
 */
type Connection = "static" | "connecting" | "live" | "offline" | "ended";

/** Where an error is shown: next to the form that caused it. Items have one place each. */
type Place = "open" | "ask" | "message" | `question-${string}` | `message-${string}`;

/**
 * The live room. Every action is a plain form first (it posts and the page reloads); with
 * JavaScript the same actions go over Socket.IO and everyone's screen updates at once.
 */
export function LiveRoom({ initial, title, loadedAt, locale }: { initial: RoomSnapshot; title: string; loadedAt: string; locale: Locale }) {
  const { t } = useTranslation();
  const [room, setRoom] = useState(initial);
  const [count, setCount] = useState<number | null>(null);
  const [connection, setConnection] = useState<Connection>("static");
  const live = connection === "live";
  const [errors, setErrors] = useState<Partial<Record<Place, string>>>({});
  const showError = (place: Place, message: string | null) =>
    setErrors((current) => {
      const next = { ...current };
      if (message) next[place] = message;
      else delete next[place];
      return next;
    });
  /** Why the server ended this tab's place in the room, if it did. */
  const [ended, setEnded] = useState<"removed" | "signedOut" | null>(null);
  const activityId = initial.activityId;

  useEffect(() => {
    setConnection("connecting");
    const socket = liveSocket();
    const upsertQuestion = (question: QuestionView) =>
      setRoom((current) => {
        const existing = current.questions.find((q) => q.id === question.id);
        const merged = { ...question, voted: existing?.voted ?? false, name: question.name ?? existing?.name ?? null };
        return { ...current, questions: existing ? current.questions.map((q) => (q.id === question.id ? merged : q)) : [...current.questions, merged] };
      });
    let ended = false;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler knows its own payload
    const handlers: Record<string, (payload: any) => void> = {
      "live:message": (message: Message) =>
        setRoom((c) => (c.messages.some((m) => m.id === message.id) ? c : { ...c, messages: [...c.messages.slice(-199), message] })),
      "live:message-hidden": ({ messageId }: { messageId: string }) =>
        setRoom((c) => ({
          ...c,
          messages: c.mayModerate ? c.messages.map((m) => (m.id === messageId ? { ...m, hidden: true } : m)) : c.messages.filter((m) => m.id !== messageId),
        })),
      "live:question": upsertQuestion,
      "live:count": ({ count: value }: { count: number }) => setCount(value),
      "live:opened": () => setRoom((c) => ({ ...c, opened: true })),
      "live:muted": () => setRoom((c) => ({ ...c, muted: true })),
      "live:removed": (payload: { activityId: string }) => {
        if (payload.activityId !== activityId) return;
        ended = true;
        setConnection("ended");
        setEnded("removed");
      },
      // The server ends the connection when the session ends (signed out, password changed elsewhere);
      // any other drop is the network, and Socket.IO reconnects by itself.
      disconnect: (reason: string) => {
        if (reason === "io server disconnect") {
          ended = true;
          setConnection("ended");
          setEnded("signedOut");
        } else if (!ended) setConnection("offline");
      },
    };
    const join = async () => {
      if (ended) return;
      const answer = await sendEvent<RoomSnapshot & { count: number }>(await socket, "live:join", { activityId }, t);
      if (answer.ok) {
        setRoom(answer.data);
        setCount(answer.data.count);
        setConnection("live");
      } else if (!ended) {
        setConnection("offline");
        showError("message", answer.message);
      }
    };
    void socket.then((open) => {
      for (const [event, handler] of Object.entries(handlers)) open.on(event, handler);
      open.on("connect", join); // after a drop, enter again: the server continues the same attendance
      if (open.connected) void join();
    });
    return () =>
      void socket.then((open) => {
        for (const [event, handler] of Object.entries(handlers)) open.off(event, handler);
        open.off("connect", join);
        if (open.connected) open.emit("live:leave", { activityId }, () => undefined);
      });
  }, [activityId, t]);

  /**
   * Sends over the socket while the room is live; otherwise the form posts as it would without
   * JavaScript. Whatever goes wrong is said next to the form that sent it.
   */
  const viaSocket = (place: Place, event: string, payload: (form: FormData) => Record<string, unknown>) => async (submit: FormEvent<HTMLFormElement>) => {
    if (!live) return;
    submit.preventDefault();
    const form = submit.currentTarget;
    const fields = new FormData(form);
    const answer = await sendEvent(await liveSocket(), event, payload(fields), t);
    showError(place, answer.ok ? null : answer.message);
    if (!answer.ok) return;
    if (event === "live:message" || event === "live:ask") form.reset();
    if (event === "live:vote") {
      const questionId = String(fields.get("questionId"));
      setRoom((c) => ({ ...c, questions: c.questions.map((q) => (q.id === questionId ? { ...q, voted: true } : q)) }));
    }
  };

  const questions = useMemo(
    () =>
      [...room.questions].sort(
        (a, b) => Number(b.pinned) - Number(a.pinned) || Number(a.answered) - Number(b.answered) || b.votes - a.votes || a.createdAt.localeCompare(b.createdAt),
      ),
    [room.questions],
  );

  return (
    <div className="stack live-room">
      <div className="title-row">
        <h1 dir="auto">{title}</h1>
        <ConnectionBadge connection={connection} count={count} reloadHref={`/activities/${activityId}/live`} asOf={formatTime(loadedAt, locale)} />
      </div>
      {ended ? (
        <div className="alert alert-warning" role="alert">
          <p>{t(ended === "removed" ? "live.removed" : "live.signedOut")}</p>
          <a href={ended === "removed" ? `/activities/${activityId}` : `/login?redirectTo=${encodeURIComponent(`/activities/${activityId}/live`)}`}>
            {t(ended === "removed" ? "live.backToActivity" : "nav.signIn")}
          </a>
        </div>
      ) : null}
      <section className="card stack">
        {room.opened ? <p>{t("live.opened")}</p> : <p className="muted">{t("live.notOpenedYet")}</p>}
        {room.streamUrl ? (
          <p>
            <a className="button" href={room.streamUrl} target="_blank" rel="noopener noreferrer">
              {t("live.openStream")}
            </a>
          </p>
        ) : null}
        {room.mayModerate && !room.opened ? (
          <Form method="post" onSubmit={viaSocket("open", "live:open", () => ({ activityId }))}>
            <button type="submit" name="intent" value="open" className="button button-secondary" aria-describedby={errors.open ? "error-open" : undefined}>
              {t("live.openRoom")}
            </button>
            <PlaceError id="error-open" message={errors.open} />
          </Form>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="qa-heading">
        <h2 id="qa-heading">{t("live.questions")}</h2>
        <Form
          method="post"
          className="stack"
          onSubmit={viaSocket("ask", "live:ask", (f) => ({ activityId, body: String(f.get("body") ?? ""), anonymous: f.get("anonymous") === "on" }))}
        >
          <input type="hidden" name="intent" value="ask" />
          <label htmlFor="ask-body">{t("live.askLabel")}</label>
          <textarea
            id="ask-body"
            name="body"
            rows={2}
            maxLength={300}
            required
            dir="auto"
            disabled={room.muted}
            aria-invalid={errors.ask ? true : undefined}
            aria-describedby={errors.ask ? "error-ask" : undefined}
          />
          <PlaceError id="error-ask" message={errors.ask} />
          <label className="check">
            <input type="checkbox" name="anonymous" />
            <span>{t("live.anonymous")}</span>
          </label>
          <button type="submit" className="button" disabled={room.muted}>
            {t("live.ask")}
          </button>
        </Form>
        {questions.length === 0 ? <p className="muted">{t("live.noQuestions")}</p> : null}
        <ol className="questions">
          {questions.map((question) => (
            <li key={question.id} className={`question${question.answered ? " answered" : ""}${question.hidden ? " hidden" : ""}`}>
              <p className="question-body" dir="auto">
                {question.pinned ? <span className="badge">{t("live.pinned")}</span> : null} {question.body}
              </p>
              <p className="muted">
                {question.name ?? t("live.anonymousName")} · {t("live.votes", { count: question.votes })}
                {question.answered ? ` · ${t("live.answered")}` : ""}
              </p>
              <div className="form-actions">
                <Form method="post" onSubmit={viaSocket(`question-${question.id}`, "live:vote", () => ({ questionId: question.id }))}>
                  <input type="hidden" name="questionId" value={question.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="vote"
                    className="button button-small button-secondary"
                    disabled={question.voted || question.answered}
                    aria-pressed={question.voted}
                  >
                    ▲ {question.voted ? t("live.voted") : t("live.vote")}
                  </button>
                </Form>
                {room.mayModerate
                  ? (["answer", question.pinned ? "unpin" : "pin", "hide"] as const).map((action) => (
                      <Form
                        key={action}
                        method="post"
                        onSubmit={viaSocket(`question-${question.id}`, "live:moderate", () => ({ questionId: question.id, action }))}
                      >
                        <input type="hidden" name="questionId" value={question.id} />
                        <input type="hidden" name="action" value={action} />
                        <button type="submit" name="intent" value="moderate" className="link-button" disabled={action === "answer" && question.answered}>
                          {t(`live.actions.${action}`)}
                        </button>
                      </Form>
                    ))
                  : null}
              </div>
              <PlaceError id={`error-question-${question.id}`} message={errors[`question-${question.id}`]} />
            </li>
          ))}
        </ol>
      </section>

      <section className="card stack chat" aria-labelledby="live-chat-heading">
        <h2 id="live-chat-heading">{t("live.chat")}</h2>
        <ol className="messages" aria-live="polite">
          {room.messages.map((message) => (
            <li key={message.id} className={message.hidden ? "hidden theirs" : "theirs"}>
              <span className="sender" dir="auto">
                {message.name}
              </span>
              <span className="bubble" dir="auto">
                {message.body}
              </span>
              {room.mayModerate ? (
                <span className="form-actions">
                  {!message.hidden ? (
                    <Form method="post" onSubmit={viaSocket(`message-${message.id}`, "live:hide-message", () => ({ messageId: message.id }))}>
                      <input type="hidden" name="messageId" value={message.id} />
                      <button type="submit" name="intent" value="hide-message" className="link-button">
                        {t("live.actions.hide")}
                      </button>
                    </Form>
                  ) : null}
                  <Form method="post" onSubmit={viaSocket(`message-${message.id}`, "live:mute", () => ({ activityId, userId: message.userId }))}>
                    <input type="hidden" name="userId" value={message.userId} />
                    <button type="submit" name="intent" value="mute" className="link-button">
                      {t("live.actions.mute")}
                    </button>
                  </Form>
                </span>
              ) : null}
              <PlaceError id={`error-message-${message.id}`} message={errors[`message-${message.id}`]} />
            </li>
          ))}
        </ol>
        {room.muted ? (
          <p className="muted">{t("live.errors.muted")}</p>
        ) : (
          <ChatComposer
            id="live-message"
            errorId="error-message"
            maxLength={500}
            error={errors.message}
            onSubmit={viaSocket("message", "live:message", (f) => ({ activityId, body: String(f.get("body") ?? "") }))}
          />
        )}
      </section>
    </div>
  );
}

/** The room's state in one badge; without JavaScript it says how old the page is and offers a reload. */
function ConnectionBadge({ connection, count, reloadHref, asOf }: { connection: Connection; count: number | null; reloadHref: string; asOf: string }) {
  const { t } = useTranslation();
  if (connection === "ended") return null; // the alert below the title says why
  if (connection === "static") {
    return (
      <a className="badge" href={reloadHref}>
        {t("live.asOf", { time: asOf })}
      </a>
    );
  }
  return (
    <p className="badge" aria-live="polite">
      {connection === "live" && count !== null ? t("live.present", { count }) : t(connection === "offline" ? "live.offline" : "live.connecting")}
    </p>
  );
}

function PlaceError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
}
