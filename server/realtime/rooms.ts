/** Every socket of a person joins this room, so anything meant for them reaches all their tabs. */
export const userRoom = (userId: string) => `user:${userId}`;
