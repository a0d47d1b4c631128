import { Form } from "@remix-run/react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { QuestionView, RoomSnapshot } from "~/domain/live/room.server";
import { liveSocket } from "~/lib/socket.client";

type Message = RoomSnapshot["messages"][number];
type Ack = { ok: boolean; data?: unknown; error?: { message: string } };

/**
 * The live room. Every action is a plain form first (it posts and the page reloads); with
 * JavaScript the same actions go over Socket.IO and everyone's screen updates at once.
 */
export function LiveRoom({ initial, title }: { initial: RoomSnapshot; title: string }) {
  const { t } = useTranslation();
  const [room, setRoom] = useState(initial);
  const [count, setCount] = useState<number | null>(null);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Why the server ended this tab's place in the room, if it did. */
  const [ended, setEnded] = useState<"removed" | "signedOut" | null>(null);
  const activityId = initial.activityId;

  useEffect(() => {
    const socket = liveSocket();
    const upsertQuestion = (question: QuestionView) =>
      setRoom((current) => {
        const existing = current.questions.find((q) => q.id === question.id);
        const merged = { ...question, voted: existing?.voted ?? false, name: question.name ?? existing?.name ?? null };
        return { ...current, questions: existing ? current.questions.map((q) => (q.id === question.id ? merged : q)) : [...current.questions, merged] };
      });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler knows its own payload
    const handlers: Record<string, (payload: any) => void> = {
      "live:message": (message: Message) => setRoom((c) => (c.messages.some((m) => m.id === message.id) ? c : { ...c, messages: [...c.messages.slice(-199), message] })),
      "live:message-hidden": ({ messageId }: { messageId: string }) =>
        setRoom((c) => ({ ...c, messages: c.mayModerate ? c.messages.map((m) => (m.id === messageId ? { ...m, hidden: true } : m)) : c.messages.filter((m) => m.id !== messageId) })),
      "live:question": upsertQuestion,
      "live:count": ({ count: value }: { count: number }) => setCount(value),
      "live:opened": () => setRoom((c) => ({ ...c, opened: true })),
      "live:muted": () => setRoom((c) => ({ ...c, muted: true })),
      "live:removed": (payload: { activityId: string }) => {
        if (payload.activityId !== activityId) return;
        setLive(false);
        setEnded("removed");
      },
      // The server ends the connection when the session ends (signed out, password changed elsewhere).
      disconnect: (reason: string) => {
        setLive(false);
        if (reason === "io server disconnect") setEnded("signedOut");
      },
    };
    void socket.then(async (connection) => {
      for (const [event, handler] of Object.entries(handlers)) connection.on(event, handler);
      const join = async () => {
        const answer = (await connection.emitWithAck("live:join", { activityId })) as Ack & { data: RoomSnapshot & { count: number } };
        if (answer.ok) {
          setRoom(answer.data);
          setCount(answer.data.count);
          setLive(true);
        }
      };
      connection.on("connect", join); // after a drop, enter again: the server continues the same attendance
      if (connection.connected) await join();
    });
    return () =>
      void socket.then((connection) => {
        for (const [event, handler] of Object.entries(handlers)) connection.off(event, handler);
        connection.off("connect");
        connection.emit("live:leave", { activityId }, () => undefined);
      });
  }, [activityId]);

  /** Sends over the socket when connected; otherwise lets the form post normally. */
  const viaSocket = (event: string, payload: (form: FormData) => Record<string, unknown>) => async (submit: FormEvent<HTMLFormElement>) => {
    if (!live) return;
    submit.preventDefault();
    const form = submit.currentTarget;
    const connection = await liveSocket();
    const answer = (await connection.emitWithAck(event, payload(new FormData(form)))) as Ack;
    if (answer.ok) {
      setError(null);
      if (event === "live:message" || event === "live:ask") form.reset();
      if (event === "live:vote") {
        const questionId = String(new FormData(form).get("questionId"));
        setRoom((c) => ({ ...c, questions: c.questions.map((q) => (q.id === questionId ? { ...q, voted: true } : q)) }));
      }
    } else setError(answer.error?.message ?? t("errors.server"));
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
        <p className="badge" aria-live="polite">
          {count === null ? t("live.connecting") : t("live.present", { count })}
        </p>
      </div>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
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
          <Form method="post" onSubmit={viaSocket("live:open", () => ({ activityId }))}>
            <button type="submit" name="intent" value="open" className="button button-secondary">
              {t("live.openRoom")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="qa-heading">
        <h2 id="qa-heading">{t("live.questions")}</h2>
        <Form method="post" className="stack" onSubmit={viaSocket("live:ask", (f) => ({ activityId, body: String(f.get("body") ?? ""), anonymous: f.get("anonymous") === "on" }))}>
          <input type="hidden" name="intent" value="ask" />
          <label htmlFor="ask-body">{t("live.askLabel")}</label>
          <textarea id="ask-body" name="body" rows={2} maxLength={300} required dir="auto" disabled={room.muted} />
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
                <Form method="post" onSubmit={viaSocket("live:vote", () => ({ questionId: question.id }))}>
                  <input type="hidden" name="questionId" value={question.id} />
                  <button type="submit" name="intent" value="vote" className="button button-small button-secondary" disabled={question.voted || question.answered} aria-pressed={question.voted}>
                    ▲ {question.voted ? t("live.voted") : t("live.vote")}
                  </button>
                </Form>
                {room.mayModerate
                  ? (["answer", question.pinned ? "unpin" : "pin", "hide"] as const).map((action) => (
                      <Form key={action} method="post" onSubmit={viaSocket("live:moderate", () => ({ questionId: question.id, action }))}>
                        <input type="hidden" name="questionId" value={question.id} />
                        <input type="hidden" name="action" value={action} />
                        <button type="submit" name="intent" value="moderate" className="link-button" disabled={action === "answer" && question.answered}>
                          {t(`live.actions.${action}`)}
                        </button>
                      </Form>
                    ))
                  : null}
              </div>
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
                    <Form method="post" onSubmit={viaSocket("live:hide-message", () => ({ messageId: message.id }))}>
                      <input type="hidden" name="messageId" value={message.id} />
                      <button type="submit" name="intent" value="hide-message" className="link-button">
                        {t("live.actions.hide")}
                      </button>
                    </Form>
                  ) : null}
                  <Form method="post" onSubmit={viaSocket("live:mute", () => ({ activityId, userId: message.userId }))}>
                    <input type="hidden" name="userId" value={message.userId} />
                    <button type="submit" name="intent" value="mute" className="link-button">
                      {t("live.actions.mute")}
                    </button>
                  </Form>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
        {room.muted ? (
          <p className="muted">{t("live.errors.muted")}</p>
        ) : (
          <Form method="post" className="chat-form" onSubmit={viaSocket("live:message", (f) => ({ activityId, body: String(f.get("body") ?? "") }))}>
            <input type="hidden" name="intent" value="message" />
            <label htmlFor="live-message" className="visually-hidden">
              {t("buddies.message")}
            </label>
            <textarea id="live-message" name="body" rows={2} maxLength={500} required dir="auto" placeholder={t("buddies.message")} />
            <button type="submit" className="button">
              {t("buddies.send")}
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}
