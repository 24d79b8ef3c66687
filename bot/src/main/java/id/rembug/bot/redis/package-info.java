/**
 * Redis for the bot: an external Redis when {@code spring.data.redis.*} names one, otherwise a
 * real {@code redis-server} the app starts itself ({@link id.rembug.bot.redis.EmbeddedRedisConfiguration}).
 */
package id.rembug.bot.redis;
