-- The jti of every accepted JWT until the token expires; shared by all instances (replay-store=database).
create table jwt_replay (
  issuer     varchar(255) not null,
  jti        varchar(255) not null,
  expires_at timestamp with time zone not null,
  primary key (issuer, jti)
);
create index jwt_replay_expires_at on jwt_replay (expires_at);
