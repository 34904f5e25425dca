using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetManager.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Duration",
                table: "Assets",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FileSize",
                table: "Assets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Height",
                table: "Assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviewKey",
                table: "Assets",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviewUrl",
                table: "Assets",
                type: "TEXT",
                maxLength: 2048,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Processing",
                table: "Assets",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Pending"); // assets stored before renditions existed: the backfill makes theirs

            migrationBuilder.AddColumn<string>(
                name: "ProcessingError",
                table: "Assets",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Width",
                table: "Assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ObjectDeletions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObjectKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            migrationBuilder.Sql(ObjectDeletionTrigger.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ObjectDeletionTrigger.DropSqlite);

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
