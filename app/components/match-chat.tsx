import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AvatarView } from "~/lib/images/avatar.server";
import { Avatar } from "./avatar";
import { ChatComposer } from "./chat-composer";
import { formatMessageTime } from "~/lib/format";
import { liveSocket, sendEvent } from "~/lib/socket.client";
import { useLocale } from "~/lib/use-locale";

type Message = { id: string; senderId: string; body: string; createdAt: string };

/**
 * A plain form that posts without JavaScript, or while the live connection is down; with it,
 * messages go over Socket.IO and arrive live. Message text is rendered as text: links stay
 * text, markup stays visible characters.
 */
export function MatchChat({
  matchId,
  viewerId,
  otherName,
  otherAvatar = null,
  initial,
  closed,
  now,
}: {
  matchId: string;
  viewerId: string;
  otherName: string;
  otherAvatar?: AvatarView | null;
  initial: Message[];
  closed: boolean;
  now: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [messages, setMessages] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [connected, setConnected] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  // Effect bodies are blocks on purpose: whatever an effect returns, React later calls as its
  // cleanup, and Chromium's scrollIntoView now returns a promise ("r is not a function").
  useEffect(() => {
    setMessages(initial);
  }, [initial]);
  useEffect(() => {
    const onMessage = (message: Message & { matchId: string }) => {
      if (message.matchId !== matchId) return;
      setMessages((current) => (current.some((m) => m.id === message.id) ? current : [...current, message]));
    };
    const onConnect = () => setConnected(true);
    const onDisconnect = () => setConnected(false);
    const socket = liveSocket();
    void socket.then((connection) => {
      connection.on("match:message", onMessage).on("connect", onConnect).on("disconnect", onDisconnect);
      setConnected(connection.connected);
    });
    return () => void socket.then((connection) => connection.off("match:message", onMessage).off("connect", onConnect).off("disconnect", onDisconnect));
  }, [matchId]);
  useEffect(() => {
    void list.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [messages.length]);

  async function send(event: FormEvent<HTMLFormElement>) {
    if (!connected) return; // the form posts; the page comes back with the message
    event.preventDefault();
    const form = event.currentTarget;
    const body = String(new FormData(form).get("body") ?? "");
    setSending(true);
    const answer = await sendEvent<Message>(await liveSocket(), "match:send", { matchId, body }, t);
    setSending(false);
    setError(answer.ok ? null : answer.message);
    if (!answer.ok) return;
    form.reset();
    setMessages((current) => (current.some((m) => m.id === answer.data.id) ? current : [...current, answer.data]));
  }

  // "Today" is the newest moment the page knows of: the loader's clock, or a message that came later.
  const reference = messages.reduce((latest, message) => (message.createdAt > latest ? message.createdAt : latest), now);
  const time = (iso: string) => formatMessageTime(iso, reference, locale);
  return (
    <section className="card stack chat" aria-labelledby="chat-heading">
      <h2 id="chat-heading" className="person-name">
        <Avatar name={otherName} avatar={otherAvatar} />
        <span>{t("buddies.chatWith", { name: otherName })}</span>
      </h2>
      {messages.length === 0 ? <p className="muted">{t("buddies.chatEmpty")}</p> : null}
      <ol className="messages" ref={list} aria-live="polite">
        {messages.map((message) => (
          <li key={message.id} className={message.senderId === viewerId ? "mine" : "theirs"}>
            <span className="visually-hidden">{message.senderId === viewerId ? t("buddies.you") : otherName}: </span>
            <span className="bubble" dir="auto">
              {message.body}
            </span>
            <time dateTime={message.createdAt}>{time(message.createdAt)}</time>
          </li>
        ))}
      </ol>
      {closed ? (
        <p className="muted">{t("buddies.errors.chatClosed")}</p>
      ) : (
        <ChatComposer id="chat-body" errorId="chat-error" maxLength={2000} error={error} busy={sending} onSubmit={send} />
      )}
    </section>
  );
}
