-- The WebFlux example's audit table on MariaDB (schema.sql is H2's and PostgreSQL's: MariaDB has no identity
-- columns). The mariadb profile (application-mariadb.properties) runs this one instead.
CREATE TABLE IF NOT EXISTS audit_log (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    action VARCHAR(40) NOT NULL,
    table_name VARCHAR(40) NOT NULL,
    row_id BIGINT NOT NULL,
    logged_at TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;
