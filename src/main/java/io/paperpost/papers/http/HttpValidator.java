package io.paperpost.papers.http;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The ETag and Last-Modified a URL answered with when its content was last imported. */
@Entity
@Table(name = "http_validator")
public class HttpValidator extends PanacheEntityBase {

    @Id
    public String url;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
