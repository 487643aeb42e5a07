package org.convene.notification;

import org.convene.localstack.LocalStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against one local stack, on the notifications database. */
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
public class LocalStackDatabase {
}
