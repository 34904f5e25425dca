IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [AiModels] (
        [Id] int NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Provider] nvarchar(200) NOT NULL,
        [Kind] nvarchar(16) NOT NULL,
        CONSTRAINT [PK_AiModels] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] int NOT NULL IDENTITY,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] int NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] int NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] int NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] int NOT NULL,
        [RoleId] int NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] int NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [AuthTokens] (
        [Id] int NOT NULL IDENTITY,
        [UserId] int NOT NULL,
        [KeyHash] nvarchar(64) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_AuthTokens] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AuthTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [Projects] (
        [Id] int NOT NULL IDENTITY,
        [OwnerId] int NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Description] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Projects] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Projects_AspNetUsers_OwnerId] FOREIGN KEY ([OwnerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [Boxes] (
        [Id] int NOT NULL IDENTITY,
        [ProjectId] int NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Description] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Boxes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Boxes_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE TABLE [Assets] (
        [Id] int NOT NULL IDENTITY,
        [BoxId] int NOT NULL,
        [AssetType] nvarchar(16) NOT NULL,
        [FileKey] nvarchar(512) NOT NULL,
        [FileUrl] nvarchar(2048) NOT NULL,
        [ThumbnailKey] nvarchar(512) NULL,
        [ThumbnailUrl] nvarchar(2048) NOT NULL,
        [IsFavorite] bit NOT NULL,
        [PromptText] nvarchar(max) NOT NULL,
        [AiModelId] int NULL,
        [GenerationConfig] nvarchar(max) NOT NULL,
        [Seed] bigint NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Assets] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Assets_AiModels_AiModelId] FOREIGN KEY ([AiModelId]) REFERENCES [AiModels] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Assets_Boxes_BoxId] FOREIGN KEY ([BoxId]) REFERENCES [Boxes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Kind', N'Name', N'Provider') AND [object_id] = OBJECT_ID(N'[AiModels]'))
        SET IDENTITY_INSERT [AiModels] ON;
    EXEC(N'INSERT INTO [AiModels] ([Id], [Kind], [Name], [Provider])
    VALUES (1, N''Image'', N''Midjourney v7'', N''Midjourney''),
    (2, N''Image'', N''DALL-E 3'', N''OpenAI''),
    (3, N''Image'', N''Stable Diffusion XL'', N''Stability AI''),
    (4, N''Image'', N''FLUX.1 [pro]'', N''Black Forest Labs''),
    (5, N''Image'', N''Imagen 4'', N''Google''),
    (6, N''Video'', N''Sora'', N''OpenAI''),
    (7, N''Video'', N''Veo 3'', N''Google''),
    (8, N''Video'', N''Runway Gen-4'', N''Runway''),
    (9, N''Video'', N''Kling 2.1'', N''Kuaishou''),
    (10, N''Video'', N''Pika 2.2'', N''Pika''),
    (11, N''Video'', N''Luma Dream Machine'', N''Luma AI''),
    (12, N''Image'', N''GPT Image 1'', N''OpenAI''),
    (13, N''Image'', N''Firefly Image 4'', N''Adobe''),
    (14, N''Any'', N''Gemini 2.5 Flash Image'', N''Google'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Kind', N'Name', N'Provider') AND [object_id] = OBJECT_ID(N'[AiModels]'))
        SET IDENTITY_INSERT [AiModels] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE INDEX [IX_Assets_AiModelId] ON [Assets] ([AiModelId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE INDEX [IX_Assets_BoxId_CreatedAt] ON [Assets] ([BoxId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AuthTokens_KeyHash] ON [AuthTokens] ([KeyHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE INDEX [IX_AuthTokens_UserId] ON [AuthTokens] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE INDEX [IX_Boxes_ProjectId] ON [Boxes] ([ProjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    CREATE INDEX [IX_Projects_OwnerId_CreatedAt] ON [Projects] ([OwnerId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126001607_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126001607_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    ALTER TABLE [Assets] ADD [ChecksumSha256] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    ALTER TABLE [Assets] ADD [Duration] float NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    ALTER TABLE [Assets] ADD [FileSize] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    ALTER TABLE [Assets] ADD [Height] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    ALTER TABLE [Assets] ADD [PreviewKey] nvarchar(512) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    ALTER TABLE [Assets] ADD [PreviewUrl] nvarchar(2048) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    ALTER TABLE [Assets] ADD [Processing] nvarchar(16) NOT NULL DEFAULT N'Pending';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    ALTER TABLE [Assets] ADD [ProcessingError] nvarchar(1000) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    ALTER TABLE [Assets] ADD [Width] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    CREATE TABLE [ObjectDeletions] (
        [Id] bigint NOT NULL IDENTITY,
        [ObjectKey] nvarchar(512) NOT NULL,
        [RequestedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_ObjectDeletions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    CREATE INDEX [IX_Assets_ChecksumSha256] ON [Assets] ([ChecksumSha256]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    CREATE INDEX [IX_Assets_Processing] ON [Assets] ([Processing]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    CREATE INDEX [IX_ObjectDeletions_RequestedAt] ON [ObjectDeletions] ([RequestedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    CREATE TRIGGER [TR_Assets_ObjectDeletions] ON [Assets] AFTER DELETE AS
    BEGIN
        SET NOCOUNT ON;
        INSERT INTO [ObjectDeletions] ([ObjectKey], [RequestedAt])
        SELECT k.[ObjectKey], SYSUTCDATETIME()
        FROM deleted d CROSS APPLY (VALUES (d.[FileKey]), (d.[ThumbnailKey]), (d.[PreviewKey])) AS k([ObjectKey])
        WHERE COALESCE(k.[ObjectKey], '') <> '';
    END
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204185947_RenditionsChecksumsAndObjectDeletions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204185947_RenditionsChecksumsAndObjectDeletions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204195242_DirectUploads'
)
BEGIN
    CREATE TABLE [DirectUploads] (
        [Id] nvarchar(32) NOT NULL,
        [UserId] int NOT NULL,
        [BoxId] int NOT NULL,
        [FileKey] nvarchar(512) NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(64) NOT NULL,
        [Size] bigint NOT NULL,
        [MultipartUploadId] nvarchar(1024) NULL,
        [PartSize] bigint NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ExpiresAt] datetime2 NOT NULL,
        [ClaimedAt] datetime2 NULL,
        CONSTRAINT [PK_DirectUploads] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204195242_DirectUploads'
)
BEGIN
    CREATE INDEX [IX_DirectUploads_CreatedAt] ON [DirectUploads] ([CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204195242_DirectUploads'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204195242_DirectUploads', N'10.0.15');
END;

COMMIT;
GO

