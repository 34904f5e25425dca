using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AssetManager.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RenditionsChecksumsAndObjectDeletions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChecksumSha256",
                table: "Assets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Duration",
                table: "Assets",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FileSize",
                table: "Assets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Height",
                table: "Assets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviewKey",
                table: "Assets",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviewUrl",
                table: "Assets",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Processing",
                table: "Assets",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Pending"); // assets stored before renditions existed: the backfill makes theirs

            migrationBuilder.AddColumn<string>(
                name: "ProcessingError",
                table: "Assets",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Width",
                table: "Assets",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ObjectDeletions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ObjectKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectDeletions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_ChecksumSha256",
                table: "Assets",
                column: "ChecksumSha256");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Processing",
                table: "Assets",
                column: "Processing");

            migrationBuilder.CreateIndex(
                name: "IX_ObjectDeletions_RequestedAt",
                table: "ObjectDeletions",
                column: "RequestedAt");

            migrationBuilder.Sql(ObjectDeletionTrigger.PostgreSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ObjectDeletionTrigger.DropPostgreSql);

            migrationBuilder.DropTable(
                name: "ObjectDeletions");

            migrationBuilder.DropIndex(
                name: "IX_Assets_ChecksumSha256",
                table: "Assets");

            migrationBuilder.DropIndex(
                name: "IX_Assets_Processing",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "ChecksumSha256",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "Duration",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "FileSize",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "Height",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "PreviewKey",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "PreviewUrl",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "Processing",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "ProcessingError",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "Width",
                table: "Assets");
        }
    }
}
